package io.jenkins.plugins.ecsfargate.emulator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * STS over the awsQuery protocol (Version {@code 2011-06-15}): GetCallerIdentity and AssumeRole. The caller is
 * configurable; a request signed with credentials this service issued is answered as that assumed-role session,
 * so a test can tell which identity a client really used. AssumeRole checks the role's trust policy (principal,
 * {@code sts:ExternalId} and other conditions) and expires credentials by the account's injected clock. Every
 * AssumeRole call is counted, so tests can prove that a client reuses one session.
 */
public final class StsService implements AwsService {

    /** STS's API version, which routes a query request here. */
    public static final String VERSION = "2011-06-15";

    static final String XMLNS = "https://sts.amazonaws.com/doc/2011-06-15/";
    private static final String ASSUME_ROLE = "sts:AssumeRole";
    private static final Pattern SESSION_ARN = Pattern.compile("arn:aws:sts::(\\d{12}):assumed-role/([^/]+)/(.+)");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws:iam::(\\d{12}):role/(?:.*/)?([^/]+)");
    private static final Pattern ACCESS_KEY = Pattern.compile("Credential=([A-Z0-9]+)/");

    /** Who the caller is, as GetCallerIdentity reports it. */
    public record CallerIdentity(String account, String arn, String userId) {}

    /** One session AssumeRole issued. */
    public record AssumedSession(
            String roleArn,
            String sessionName,
            String externalId,
            String accessKeyId,
            Instant issuedAt,
            Instant expiration,
            CallerIdentity identity) {}

    private final IamAccount account;
    private final AtomicInteger assumeRoleCalls = new AtomicInteger();
    private final List<AssumedSession> sessions = new ArrayList<>();
    private CallerIdentity caller;

    /** An STS answering for the account; the caller starts as the assumed-role session of a controller role. */
    public StsService(IamAccount account) {
        this.account = account;
        this.caller = new CallerIdentity(
                account.accountId(),
                "arn:aws:sts::" + account.accountId() + ":assumed-role/jenkins-controller/i-0123456789abcdef0",
                "AROA" + account.randomId(17) + ":i-0123456789abcdef0");
    }

    /** Sets who unsigned-by-us requests come from (the identity of the client's base credentials). */
    public synchronized void setCaller(CallerIdentity caller) {
        this.caller = caller;
    }

    public synchronized CallerIdentity caller() {
        return caller;
    }

    /** How many AssumeRole requests arrived, granted or not. */
    public int assumeRoleCalls() {
        return assumeRoleCalls.get();
    }

    /** The sessions granted so far, oldest first. */
    public synchronized List<AssumedSession> sessions() {
        return List.copyOf(sessions);
    }

    @Override
    public String name() {
        return "sts";
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
        Optional<AssumedSession> signedBy = sessionOf(request);
        if (signedBy.isPresent()
                && !signedBy.get().expiration().isAfter(account.clock().instant())) {
            return error(403, "ExpiredToken", "The security token included in the request is expired");
        }
        CallerIdentity identity = signedBy.map(AssumedSession::identity).orElseGet(this::caller);
        if ("AssumeRole".equals(operation)) {
            assumeRoleCalls.incrementAndGet();
        }
        if ("GetCallerIdentity".equals(operation)) {
            return new QueryXml()
                    .element("Arn", identity.arn())
                    .element("UserId", identity.userId())
                    .element("Account", identity.account())
                    .toResponse("GetCallerIdentity", XMLNS, request);
        }
        if ("AssumeRole".equals(operation)) {
            return assumeRole(request, identity);
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
        return error(500, "InternalFailure", "An internal error occurred.");
    }

    /**
     * The session whose credentials signed a request (any service's request: ECS can use this to refuse expired
     * session credentials as AWS does), or empty for credentials this STS did not issue.
     */
    public synchronized Optional<AssumedSession> sessionOf(EmulatorRequest request) {
        String authorization = request.header("authorization");
        if (authorization == null) {
            return Optional.empty();
        }
        Matcher key = ACCESS_KEY.matcher(authorization);
        if (!key.find()) {
            return Optional.empty();
        }
        return sessions.stream()
                .filter(session -> session.accessKeyId().equals(key.group(1)))
                .findFirst();
    }

    private EmulatorResponse assumeRole(EmulatorRequest request, CallerIdentity identity) {
        QueryParameters params = QueryParameters.of(request);
        String roleArn = params.get("RoleArn");
        String sessionName = params.get("RoleSessionName");
        String externalId = params.get("ExternalId");
        Optional<String> invalid =
                StsValidation.assumeRole(roleArn, sessionName, params.get("DurationSeconds"), externalId);
        if (invalid.isPresent()) {
            return error(400, "ValidationError", invalid.get());
        }
        int duration = params.get("DurationSeconds") == null ? 3600 : Integer.parseInt(params.get("DurationSeconds"));
        Optional<IamRole> role = account.roleByArn(roleArn);
        if (role.isEmpty() || !trusts(role.get(), identity, externalId)) {
            return error(
                    403,
                    "AccessDenied",
                    "User: " + identity.arn() + " is not authorized to perform: " + ASSUME_ROLE + " on resource: "
                            + roleArn);
        }
        if (duration > role.get().maxSessionDurationSeconds()) {
            return error(
                    400,
                    "ValidationError",
                    "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }
        if (SESSION_ARN.matcher(identity.arn()).matches() && duration > 3600) {
            return error(
                    400,
                    "ValidationError",
                    "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
        }
        return grant(request, role.get(), sessionName, externalId, duration);
    }

    private synchronized EmulatorResponse grant(
            EmulatorRequest request, IamRole role, String sessionName, String externalId, int duration) {
        Instant now = account.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiration = now.plusSeconds(duration);
        String accessKeyId = "ASIA" + account.randomId(16);
        String sessionArn = "arn:aws:sts::" + account.accountId() + ":assumed-role/" + role.name() + "/" + sessionName;
        String assumedRoleId = role.roleId() + ":" + sessionName;
        CallerIdentity identity = new CallerIdentity(account.accountId(), sessionArn, assumedRoleId);
        sessions.add(new AssumedSession(role.arn(), sessionName, externalId, accessKeyId, now, expiration, identity));
        return new QueryXml()
                .open("Credentials")
                .element("AccessKeyId", accessKeyId)
                .element("SecretAccessKey", account.randomId(40))
                .element("SessionToken", "FwoGZXIvYXdzE" + account.randomId(300))
                .element("Expiration", expiration)
                .close("Credentials")
                .open("AssumedRoleUser")
                .element("AssumedRoleId", assumedRoleId)
                .element("Arn", sessionArn)
                .close("AssumedRoleUser")
                .toResponse("AssumeRole", XMLNS, request);
    }

    private static boolean trusts(IamRole role, CallerIdentity identity, String externalId) {
        Map<String, List<String>> context =
                externalId == null ? Map.of() : Map.of("sts:externalid", List.of(externalId));
        Set<String> ignoredMissing = new LinkedHashSet<>();
        boolean allowed = false;
        for (PolicyStatement statement : role.trust()) {
            if (!statement.coversAction(ASSUME_ROLE)
                    || !principalMatches(statement, identity)
                    || !PolicyEvaluator.conditionsHold(statement, context, ignoredMissing)) {
                continue;
            }
            if (!statement.allow()) {
                return false;
            }
            allowed = true;
        }
        return allowed;
    }

    private static boolean principalMatches(PolicyStatement statement, CallerIdentity identity) {
        if (statement.principals().containsKey("*")) {
            return true;
        }
        for (String principal : statement.principals().getOrDefault("AWS", List.of())) {
            if (principal.equals("*")
                    || principal.equals(identity.arn())
                    || principal.equals(identity.account())
                    || principal.equals("arn:aws:iam::" + identity.account() + ":root")
                    || sameRole(principal, identity.arn())) {
                return true;
            }
        }
        return false;
    }

    /** Whether a role ARN names the role an assumed-role session belongs to (session ARNs drop the path). */
    private static boolean sameRole(String roleArn, String callerArn) {
        Matcher role = ROLE_ARN.matcher(roleArn);
        Matcher session = SESSION_ARN.matcher(callerArn);
        return role.matches()
                && session.matches()
                && role.group(1).equals(session.group(1))
                && role.group(2).equals(session.group(2));
    }
}
