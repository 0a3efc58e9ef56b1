package io.jenkins.plugins.ecsfargate.jenkins;

import jenkins.model.Jenkins;

/** {@link JenkinsRuntime} over the running Jenkins. Stateless: every call asks Jenkins afresh. */
public final class LiveJenkinsRuntime implements JenkinsRuntime {
    @Override
    public void checkAdminister() {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
    }

    @Override
    public boolean hasAdminister() {
        return Jenkins.get().hasPermission(Jenkins.ADMINISTER);
    }

    @Override
    public String rootUrl() {
        return Jenkins.get().getRootUrl();
    }
}
