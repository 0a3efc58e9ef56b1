// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package hudson.model;

import jenkins.model.Jenkins;

/** Exists here for the type of {@link Jenkins#clouds}, which Jenkins still declares as {@link Hudson.CloudList}. */
public class Hudson extends Jenkins {
    private Hudson() throws java.io.IOException, InterruptedException, org.jvnet.hudson.reactor.ReactorException {
        super(null, null);
    }

    public static class CloudList extends Jenkins.CloudList {
        public CloudList(Jenkins h) {}

        public CloudList() {}
    }
}
