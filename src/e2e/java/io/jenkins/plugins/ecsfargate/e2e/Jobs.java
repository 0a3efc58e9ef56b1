package io.jenkins.plugins.ecsfargate.e2e;

/** Job configurations the suite creates over the controller's API, as an administrator would save them. */
final class Jobs {
    static final String HELLO = "Hello from Jenkins agent!";

    private Jobs() {}

    /** The seed's declarative pipeline on label {@code label}. */
    static String pipeline(String label) {
        String script = "pipeline {\n  agent { label '" + label + "' }\n  stages {\n    stage('Awesomeness') {\n"
                + "      steps { echo '" + HELLO + "' }\n    }\n  }\n}\n";
        return "<?xml version='1.1' encoding='UTF-8'?>\n"
                + "<flow-definition>\n"
                + "  <definition class=\"org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition\">\n"
                + "    <script>" + xml(script) + "</script>\n"
                + "    <sandbox>true</sandbox>\n"
                + "  </definition>\n"
                + "  <disabled>false</disabled>\n"
                + "</flow-definition>\n";
    }

    /** A freestyle job tied to {@code label} running one shell step. */
    static String freestyle(String label, String shell) {
        return "<?xml version='1.1' encoding='UTF-8'?>\n"
                + "<project>\n"
                + "  <assignedNode>" + xml(label) + "</assignedNode>\n"
                + "  <canRoam>false</canRoam>\n"
                + "  <disabled>false</disabled>\n"
                + "  <concurrentBuild>false</concurrentBuild>\n"
                + "  <builders>\n"
                + "    <hudson.tasks.Shell>\n"
                + "      <command>" + xml(shell) + "</command>\n"
                + "    </hudson.tasks.Shell>\n"
                + "  </builders>\n"
                + "  <publishers/>\n"
                + "  <buildWrappers/>\n"
                + "</project>\n";
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("'", "&apos;")
                .replace("\"", "&quot;");
    }
}
