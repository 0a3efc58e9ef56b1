package io.jenkins.plugins.ecsfargate.jenkins;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.ItemGroup;
import hudson.security.ACL;
import hudson.slaves.Cloud;
import java.util.List;
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

    @Override
    public StandardUsernamePasswordCredentials findUsernamePassword(String id) {
        return CredentialsMatchers.firstOrNull(
                CredentialsProvider.lookupCredentialsInItemGroup(
                        StandardUsernamePasswordCredentials.class, Jenkins.get(), ACL.SYSTEM2, List.of()),
                CredentialsMatchers.withId(id));
    }

    @Override
    public ItemGroup<?> credentialsContext() {
        return Jenkins.get();
    }

    @Override
    public Cloud cloudByName(String name) {
        return Jenkins.get().getCloud(name);
    }
}
