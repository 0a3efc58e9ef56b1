// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package jenkins.model;

/** The Jenkins URL an administrator configured; the stand-in has none. */
public class JenkinsLocationConfiguration extends GlobalConfiguration {
    private JenkinsLocationConfiguration() {}

    public static JenkinsLocationConfiguration get() {
        return null;
    }

    public String getUrl() {
        return null;
    }
}
