package io.jenkins.plugins.ecsfargate.engine.spec;

import java.util.List;
import java.util.Map;

/** ECS tag rules, leaving room for the ownership tags the engine adds itself. */
final class TagChecks {
    static final int MAX_TAGS = 50;

    private TagChecks() {}

    static void checkUserTags(Map<String, String> tags, String field, List<SpecProblem> problems) {
        int room = MAX_TAGS - OwnershipTags.RESERVED_COUNT;
        if (tags.size() > room) {
            problems.add(new SpecProblem(
                    field,
                    "at most " + room + " tags: the engine adds " + OwnershipTags.RESERVED_COUNT
                            + " of its own and ECS allows " + MAX_TAGS));
        }
        tags.forEach((key, value) -> {
            if (key.isEmpty() || key.length() > 128) {
                problems.add(new SpecProblem(field, "tag keys are 1-128 characters: '" + key + "'"));
            } else if (key.regionMatches(true, 0, "aws:", 0, 4)) {
                problems.add(new SpecProblem(field, "the aws: prefix is reserved by AWS: '" + key + "'"));
            } else if (key.startsWith(OwnershipTags.PREFIX)) {
                problems.add(
                        new SpecProblem(field, "the " + OwnershipTags.PREFIX + " prefix is reserved: '" + key + "'"));
            }
            if (value == null || value.length() > 256) {
                problems.add(new SpecProblem(field, "tag values are 0-256 characters: '" + key + "'"));
            }
        });
    }
}
