// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package jenkins.model;

import hudson.ExtensionList;

/** The Jenkins URL an administrator configured; the stand-in has none. */
public class JenkinsLocationConfiguration extends GlobalConfiguration {
    private JenkinsLocationConfiguration() {}

    /** Needs a running Jenkins, as the real one does. */
    public static JenkinsLocationConfiguration get() {
        return ExtensionList.lookupSingleton(JenkinsLocationConfiguration.class);
    }

    public String getUrl() {
        return null;
    }
}
