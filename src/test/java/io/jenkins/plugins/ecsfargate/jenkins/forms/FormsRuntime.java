package io.jenkins.plugins.ecsfargate.jenkins.forms;

import com.cloudbees.plugins.credentials.CredentialsDescriptor;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.Computer;
import hudson.model.ItemGroup;
import hudson.model.Label;
import hudson.model.Node;
import hudson.model.Queue;
import hudson.model.labels.LabelAtom;
import hudson.slaves.AbstractCloudSlave;
import hudson.slaves.Cloud;
import hudson.util.Secret;
import io.jenkins.plugins.ecsfargate.engine.Scheduler;
import io.jenkins.plugins.ecsfargate.jenkins.JenkinsRuntime;
import io.jenkins.plugins.ecsfargate.jenkins.runtime.CloudRuntimes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.access.AccessDeniedException;

/**
 * A Jenkins for form tests: a user who may or may not administer, a configured URL, access-key credentials by
 * id and saved clouds by name. Counts every credentials look-up, so tests can prove a denied user triggers none.
 */
public final class FormsRuntime implements JenkinsRuntime {
    private final boolean admin;
    private String rootUrl = "https://jenkins.example.com/";
    private final Map<String, StandardUsernamePasswordCredentials> credentials = new HashMap<>();
    private final Map<String, Cloud> clouds = new HashMap<>();
    final AtomicInteger credentialReads = new AtomicInteger();
    final AtomicInteger administerChecks = new AtomicInteger();

    private FormsRuntime(boolean admin) {
        this.admin = admin;
    }

    public static FormsRuntime administrator() {
        return new FormsRuntime(true);
    }

    public static FormsRuntime reader() {
        return new FormsRuntime(false);
    }

    public FormsRuntime withRootUrl(String url) {
        this.rootUrl = url;
        return this;
    }

    public FormsRuntime withAccessKey(String id, String keyId, String secret) {
        credentials.put(id, accessKey(id, keyId, secret));
        return this;
    }

    public FormsRuntime withCloud(Cloud cloud) {
        clouds.put(cloud.name, cloud);
        return this;
    }

    public int credentialReads() {
        return credentialReads.get();
    }

    public int administerChecks() {
        return administerChecks.get();
    }

    @Override
    public void checkAdminister() {
        administerChecks.incrementAndGet();
        if (!admin) {
            throw new AccessDeniedException("reader is missing the Overall/Administer permission");
        }
    }

    @Override
    public boolean hasAdminister() {
        administerChecks.incrementAndGet();
        return admin;
    }

    @Override
    public String rootUrl() {
        return rootUrl;
    }

    @Override
    public StandardUsernamePasswordCredentials findUsernamePassword(String id) {
        credentialReads.incrementAndGet();
        return credentials.get(id);
    }

    @Override
    public ItemGroup<?> credentialsContext() {
        credentialReads.incrementAndGet();
        return null;
    }

    @Override
    public Cloud cloudByName(String name) {
        return clouds.get(name);
    }

    // A Jenkins without agents or builds: forms never touch nodes, the queue or the timer.

    @Override
    public List<Node> nodes() {
        return List.of();
    }

    @Override
    public void addNode(Node node) {
        throw new UnsupportedOperationException("form tests add no nodes");
    }

    @Override
    public void updateNode(Node node) {
        throw new UnsupportedOperationException("form tests have no nodes");
    }

    @Override
    public void removeNode(Node node) {
        throw new UnsupportedOperationException("form tests have no nodes");
    }

    @Override
    public void terminate(AbstractCloudSlave agent) {
        throw new UnsupportedOperationException("form tests have no agents");
    }

    @Override
    public List<Cloud> clouds() {
        return List.copyOf(clouds.values());
    }

    @Override
    public Set<LabelAtom> labelAtoms(String labelString) {
        return Set.of();
    }

    @Override
    public String agentSecret(String agentName) {
        throw new UnsupportedOperationException("form tests have no agents");
    }

    @Override
    public void suggestReviewNow(Label label) {}

    @Override
    public List<Queue.Item> queueItems() {
        return List.of();
    }

    @Override
    public boolean cancel(Queue.Item item) {
        return false;
    }

    @Override
    public Scheduler scheduler() {
        throw new UnsupportedOperationException("form tests schedule nothing");
    }

    @Override
    public String controllerId() {
        return "forms-test-controller";
    }

    @Override
    public Computer computer(Node node) {
        return null;
    }

    static StandardUsernamePasswordCredentials accessKey(String id, String keyId, String secret) {
        return new StandardUsernamePasswordCredentials() {
            private static final long serialVersionUID = 1L;

            @Override
            public String getId() {
                return id;
            }

            @Override
            public String getDescription() {
                return "AWS key " + keyId;
            }

            @Override
            public String getUsername() {
                return keyId;
            }

            @Override
            public Secret getPassword() {
                return Secret.fromString(secret);
            }

            @Override
            public CredentialsScope getScope() {
                return CredentialsScope.GLOBAL;
            }

            @Override
            public CredentialsDescriptor getDescriptor() {
                return null;
            }
        };
    }

    @Override
    public CloudRuntimes cloudRuntimes() {
        throw new UnsupportedOperationException("form tests run no cloud");
    }
}
