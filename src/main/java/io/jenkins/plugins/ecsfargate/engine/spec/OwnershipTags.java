package io.jenkins.plugins.ecsfargate.engine.spec;

import java.util.Map;
import java.util.TreeMap;

/**
 * The tags by which the engine recognises what it created: task-definition revisions carry controller, cloud,
 * template and content hash; tasks carry controller, cloud, template and agent name. Clean-up and the reaper
 * only ever touch resources whose controller and cloud tags match, so revisions and tasks made by anyone else
 * (another controller, a person, Terraform) are never changed.
 */
public final class OwnershipTags {
    public static final String PREFIX = "ecs-fargate:";
    public static final String CONTROLLER = PREFIX + "controller";
    public static final String CLOUD = PREFIX + "cloud";
    public static final String TEMPLATE = PREFIX + "template";
    public static final String SPEC_HASH = PREFIX + "spec-hash";
    public static final String AGENT = PREFIX + "agent";
    /** How many tags the engine may add to a resource, so user tags must leave this much room. */
    public static final int RESERVED_COUNT = 5;

    static final int MAX_STARTED_BY = 128;

    private OwnershipTags() {}

    /** Tags for a task-definition revision of {@code template} with content hash {@code specHash}. */
    public static Map<String, String> forRevision(Owner owner, String template, String specHash) {
        Map<String, String> tags = new TreeMap<>();
        tags.put(CONTROLLER, owner.controllerId());
        tags.put(CLOUD, owner.cloud());
        tags.put(TEMPLATE, template);
        tags.put(SPEC_HASH, specHash);
        return tags;
    }

    /** Tags for one agent's task. */
    public static Map<String, String> forTask(Owner owner, String template, String agentName) {
        Map<String, String> tags = new TreeMap<>();
        tags.put(CONTROLLER, owner.controllerId());
        tags.put(CLOUD, owner.cloud());
        tags.put(TEMPLATE, template);
        tags.put(AGENT, agentName);
        return tags;
    }

    /**
     * RunTask's {@code startedBy} for {@code owner}'s tasks ({@code jenkins/<controller>/<cloud>}, at most 128 of
     * {@code [A-Za-z0-9_/-]}), the filter the reaper lists its tasks by.
     */
    public static String startedBy(Owner owner) {
        String plain = ("jenkins/" + owner.controllerId() + "/" + owner.cloud()).replaceAll("[^A-Za-z0-9_/-]", "-");
        if (plain.length() <= MAX_STARTED_BY) {
            return plain;
        }
        String hash = SpecHash.sha256Hex(owner.controllerId() + '\u0000' + owner.cloud())
                .substring(0, 16);
        return plain.substring(0, MAX_STARTED_BY - hash.length() - 1) + "-" + hash;
    }

    /** Whether a resource's tags say {@code owner} made it. */
    public static boolean isOwnedBy(Map<String, String> tags, Owner owner) {
        return owner.controllerId().equals(tags.get(CONTROLLER))
                && owner.cloud().equals(tags.get(CLOUD));
    }

    /**
     * Who owns what the engine creates: a controller (stable across restarts, e.g. the Jenkins instance id) and a
     * cloud name within it.
     */
    public record Owner(String controllerId, String cloud) {
        public Owner {
            if (controllerId == null || controllerId.isBlank() || cloud == null || cloud.isBlank()) {
                throw new IllegalArgumentException("controllerId and cloud are required");
            }
        }
    }
}
