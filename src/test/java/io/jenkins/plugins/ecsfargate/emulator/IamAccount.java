package io.jenkins.plugins.ecsfargate.emulator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The IAM state of one emulated account: roles with their trust policies and inline permission policies. Tests
 * set it up in plain Java (policies as the JSON an administrator writes); {@link IamService} and
 * {@link StsService} answer from it. Thread-safe: the server calls it from its request threads.
 */
public final class IamAccount {

    /** The account id used when none is given. */
    public static final String DEFAULT_ACCOUNT_ID = "123456789012";

    private final String accountId;
    private final Clock clock;
    private final RandomIds ids;
    private final Map<String, IamRole> roles = new LinkedHashMap<>();
    private final Map<String, Map<String, List<PolicyStatement>>> rolePolicies = new LinkedHashMap<>();

    public IamAccount(String accountId, Clock clock, Random random) {
        if (!accountId.matches("\\d{12}")) {
            throw new IllegalArgumentException("An account id has 12 digits: " + accountId);
        }
        this.accountId = accountId;
        this.clock = clock;
        this.ids = new RandomIds(random);
    }

    /** An account with the default id, the system clock and a fixed seed for ids. */
    public IamAccount() {
        this(DEFAULT_ACCOUNT_ID, Clock.systemUTC(), new Random(42));
    }

    public String accountId() {
        return accountId;
    }

    public Clock clock() {
        return clock;
    }

    /** Creates a role with the default one-hour maximum session duration. */
    public IamRole createRole(String name, String path, String trustPolicyJson) {
        return createRole(name, path, trustPolicyJson, 3600);
    }

    /** Creates a role; {@code path} is {@code /} or {@code /a/b/}, as IAM requires. */
    public synchronized IamRole createRole(
            String name, String path, String trustPolicyJson, int maxSessionDurationSeconds) {
        if (!path.startsWith("/") || !path.endsWith("/")) {
            throw new IllegalArgumentException("A role path starts and ends with '/': " + path);
        }
        if (roles.containsKey(name)) {
            throw new IllegalArgumentException("Role exists: " + name);
        }
        IamRole role = new IamRole(
                name,
                path,
                "arn:aws:iam::" + accountId + ":role" + path + name,
                "AROA" + randomId(17),
                trustPolicyJson,
                PolicyStatement.parseDocument(trustPolicyJson),
                clock.instant(),
                maxSessionDurationSeconds);
        roles.put(name, role);
        rolePolicies.put(name, new LinkedHashMap<>());
        return role;
    }

    /** Adds or replaces an inline permission policy of a role. */
    public synchronized void putRolePolicy(String roleName, String policyName, String policyJson) {
        Map<String, List<PolicyStatement>> policies = rolePolicies.get(roleName);
        if (policies == null) {
            throw new IllegalArgumentException("No role " + roleName);
        }
        policies.put(policyName, PolicyStatement.parseDocument(policyJson));
    }

    public synchronized Optional<IamRole> role(String name) {
        return Optional.ofNullable(roles.get(name));
    }

    /** The role with this exact ARN (path included). */
    public synchronized Optional<IamRole> roleByArn(String arn) {
        return roles.values().stream().filter(r -> r.arn().equals(arn)).findFirst();
    }

    /** Every permission statement of a role, tagged with the policy it belongs to. */
    public synchronized List<PolicyEvaluator.SourcedStatement> permissions(String roleName) {
        List<PolicyEvaluator.SourcedStatement> result = new ArrayList<>();
        rolePolicies
                .getOrDefault(roleName, Map.of())
                .forEach((policy, statements) ->
                        statements.forEach(s -> result.add(new PolicyEvaluator.SourcedStatement(policy, s))));
        return result;
    }

    /** An id suffix in IAM's style: upper-case letters and digits. */
    String randomId(int length) {
        return ids.upper(length);
    }
}
