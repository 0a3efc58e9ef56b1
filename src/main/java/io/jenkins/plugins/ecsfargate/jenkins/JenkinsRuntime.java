package io.jenkins.plugins.ecsfargate.jenkins;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.ItemGroup;
import hudson.slaves.Cloud;

/**
 * The adapter's only door to the running Jenkins (the singleton, permissions, the configured URL; later the
 * queue, nodes and timers). Production code uses {@link LiveJenkinsRuntime}; tests hand a fake to the object under
 * test, so that adapter logic is tested without a Jenkins and without static state.
 */
public interface JenkinsRuntime {
    /**
     * Fails with Spring Security's {@code AccessDeniedException} unless the current user may administer Jenkins.
     * Every form method that calls AWS or reads credentials calls this first.
     */
    void checkAdminister();

    /** Whether the current user may administer Jenkins. */
    boolean hasAdminister();

    /** Jenkins' configured root URL, read at use time (never cached), or null when none is configured. */
    String rootUrl();

    /**
     * The username/password credential with {@code id} visible to the system at Jenkins' root, or null. Clouds
     * read their access key through this; it never reaches a form.
     */
    StandardUsernamePasswordCredentials findUsernamePassword(String id);

    /** Where the cloud form lists credentials from: Jenkins' root item group. */
    ItemGroup<?> credentialsContext();

    /** The configured cloud named {@code name}, or null. */
    Cloud cloudByName(String name);
}
