package io.jenkins.plugins.ecsfargate.engine.preflight;

/**
 * Who the controller is in AWS, from {@code sts:GetCallerIdentity}: account, the caller's ARN and, for an assumed
 * role, the role's name (session ARNs drop the role's path, so IAM calls need the role's own ARN, found by name).
 */
record CallerIdentity(String account, String arn) {
    private static final String ASSUMED_ROLE = ":assumed-role/";

    /** The role name behind an {@code assumed-role} session ARN, or null for users and other principals. */
    String assumedRoleName() {
        int start = arn.indexOf(ASSUMED_ROLE);
        if (start < 0) {
            return null;
        }
        String rest = arn.substring(start + ASSUMED_ROLE.length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    boolean isIamUser() {
        return arn.contains(":iam::") && arn.contains(":user/");
    }

    boolean isRoot() {
        return arn.endsWith(":root");
    }
}
