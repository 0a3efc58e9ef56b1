package io.jenkins.plugins.ecsfargate.emulator;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IAM over the awsQuery protocol (Version {@code 2010-05-08}): GetRole and SimulatePrincipalPolicy, answered from
 * an {@link IamAccount}. Mirrors the behaviours the plugin's preflight depends on: the trust policy comes back
 * URL-encoded; an STS session ARN is not a valid policy source ({@code InvalidInput}); condition keys the caller
 * does not supply are reported as missing context values.
 */
public final class IamService implements AwsService {

    /** IAM's API version, which routes a query request here. */
    public static final String VERSION = "2010-05-08";

    static final String XMLNS = "https://iam.amazonaws.com/doc/2010-05-08/";
    private static final Pattern ENTITY_ARN = Pattern.compile("arn:aws:iam::(\\d{12}):(role|user)(/.*/|/)([^/]+)");
    private static final int DEFAULT_MAX_ITEMS = 100;

    private final IamAccount account;

    public IamService(IamAccount account) {
        this.account = account;
    }

    @Override
    public String name() {
        return "iam";
    }

    @Override
    public boolean accepts(EmulatorRequest request) {
        return VERSION.equals(QueryParameters.of(request).get("Version"));
    }

    @Override
    public String operation(EmulatorRequest request) {
        return QueryParameters.of(request).get("Action");
    }

    @Override
    public EmulatorResponse handle(String operation, EmulatorRequest request) {
        QueryParameters params = QueryParameters.of(request);
        if ("GetRole".equals(operation)) {
            return getRole(params, request);
        }
        if ("SimulatePrincipalPolicy".equals(operation)) {
            return simulatePrincipalPolicy(params, request);
        }
        return error(400, "InvalidAction", "Could not find operation " + operation + " for version " + VERSION);
    }

    @Override
    public EmulatorResponse error(int status, String code, String message) {
        return QueryXml.error(XMLNS, status, code, message);
    }

    @Override
    public EmulatorResponse throttled() {
        return error(400, "Throttling", "Rate exceeded");
    }

    @Override
    public EmulatorResponse serverError() {
        return error(500, "ServiceFailure", "The request processing has failed because of an unknown error.");
    }

    private EmulatorResponse getRole(QueryParameters params, EmulatorRequest request) {
        String roleName = params.get("RoleName");
        if (roleName == null) {
            return missing("roleName");
        }
        return account.role(roleName)
                .map(role -> {
                    QueryXml xml = new QueryXml().open("Role");
                    xml.element("Path", role.path())
                            .element("RoleName", role.name())
                            .element("RoleId", role.roleId())
                            .element("Arn", role.arn())
                            .element("CreateDate", role.createDate().truncatedTo(ChronoUnit.SECONDS))
                            .element("AssumeRolePolicyDocument", rfc3986(role.trustPolicy()))
                            .element("MaxSessionDuration", role.maxSessionDurationSeconds())
                            .open("RoleLastUsed")
                            .close("RoleLastUsed")
                            .close("Role");
                    return xml.toResponse("GetRole", XMLNS, request);
                })
                .orElseGet(() -> noSuchEntity("role", roleName));
    }

    private EmulatorResponse simulatePrincipalPolicy(QueryParameters params, EmulatorRequest request) {
        String source = params.get("PolicySourceArn");
        if (source == null) {
            return missing("policySourceArn");
        }
        List<String> actions = params.list("ActionNames");
        if (actions.isEmpty()) {
            return missing("actionNames");
        }
        Matcher arn = ENTITY_ARN.matcher(source);
        if (!arn.matches()) {
            return error(400, "InvalidInput", "Invalid Entity Arn: " + source);
        }
        if (!arn.group(1).equals(account.accountId())
                || "user".equals(arn.group(2))
                || account.roleByArn(source).isEmpty()) {
            return noSuchEntity(arn.group(2), arn.group(4));
        }
        List<String> resources = params.list("ResourceArns");
        boolean specificResources = !resources.isEmpty() && !resources.equals(List.of("*"));
        Map<String, List<String>> context = contextEntries(params);
        List<PolicyEvaluator.SourcedStatement> statements = account.permissions(arn.group(4));
        List<QueryXml> results = new ArrayList<>();
        for (String action : actions) {
            for (String resource : specificResources ? resources : List.of("*")) {
                PolicyEvaluator.Evaluation evaluation = PolicyEvaluator.evaluate(statements, action, resource, context);
                results.add(result(action, resource, evaluation, specificResources));
            }
        }
        return page(params, results, request);
    }

    private static Map<String, List<String>> contextEntries(QueryParameters params) {
        Map<String, List<String>> context = new LinkedHashMap<>();
        for (String entry : params.structures("ContextEntries")) {
            String key = params.get(entry + ".ContextKeyName");
            if (key != null) {
                context.put(key, params.list(entry + ".ContextKeyValues"));
            }
        }
        return context;
    }

    private static QueryXml result(
            String action, String resource, PolicyEvaluator.Evaluation evaluation, boolean specificResources) {
        QueryXml xml = new QueryXml()
                .element("EvalActionName", action)
                .element("EvalResourceName", resource)
                .element("EvalDecision", evaluation.decision().wire());
        matchedStatements(xml, evaluation);
        if (specificResources) {
            keys(xml, "MissingContextValues", List.of());
            xml.open("ResourceSpecificResults")
                    .open("member")
                    .element("EvalResourceName", resource)
                    .element("EvalResourceDecision", evaluation.decision().wire());
            matchedStatements(xml, evaluation);
            keys(xml, "MissingContextValues", evaluation.missingContextKeys());
            xml.close("member").close("ResourceSpecificResults");
        } else {
            keys(xml, "MissingContextValues", evaluation.missingContextKeys());
        }
        return xml;
    }

    private static void matchedStatements(QueryXml xml, PolicyEvaluator.Evaluation evaluation) {
        xml.open("MatchedStatements");
        for (PolicyEvaluator.SourcedStatement matched : evaluation.matched()) {
            xml.open("member")
                    .element("SourcePolicyId", matched.policyName())
                    .element("SourcePolicyType", "role")
                    .close("member");
        }
        xml.close("MatchedStatements");
    }

    private static void keys(QueryXml xml, String name, List<String> keys) {
        xml.open(name);
        keys.forEach(key -> xml.element("member", key));
        xml.close(name);
    }

    private EmulatorResponse page(QueryParameters params, List<QueryXml> results, EmulatorRequest request) {
        int maxItems;
        int start;
        try {
            maxItems = params.get("MaxItems") == null ? DEFAULT_MAX_ITEMS : Integer.parseInt(params.get("MaxItems"));
            start = params.get("Marker") == null ? 0 : Integer.parseInt(params.get("Marker"));
        } catch (NumberFormatException e) {
            return error(400, "InvalidInput", "Invalid MaxItems or Marker: " + e.getMessage());
        }
        if (maxItems < 1 || maxItems > 1000 || start < 0 || start > results.size()) {
            return error(400, "InvalidInput", "Invalid MaxItems or Marker");
        }
        int end = Math.min(results.size(), start + maxItems);
        QueryXml xml = new QueryXml().open("EvaluationResults");
        for (QueryXml result : results.subList(start, end)) {
            xml.open("member").raw(result).close("member");
        }
        xml.close("EvaluationResults").element("IsTruncated", end < results.size());
        if (end < results.size()) {
            xml.element("Marker", end);
        }
        return xml.toResponse("SimulatePrincipalPolicy", XMLNS, request);
    }

    private EmulatorResponse noSuchEntity(String kind, String name) {
        return error(404, "NoSuchEntity", "The " + kind + " with name " + name + " cannot be found.");
    }

    private EmulatorResponse missing(String member) {
        return error(400, "ValidationError", ValidationMessages.notNull(member));
    }

    /** URL-encodes as RFC 3986 (IAM's encoding of policy documents): spaces as %20, {@code *} encoded. */
    static String rfc3986(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }
}
