package io.jenkins.plugins.ecsfargate.jenkins;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.ExtensionList;
import hudson.model.Computer;
import hudson.model.ItemGroup;
import hudson.model.Label;
import hudson.model.Node;
import hudson.model.Queue;
import hudson.model.labels.LabelAtom;
import hudson.security.ACL;
import hudson.slaves.AbstractCloudSlave;
import hudson.slaves.Cloud;
import hudson.slaves.NodeProvisioner;
import hudson.slaves.SlaveComputer;
import io.jenkins.plugins.ecsfargate.engine.Scheduler;
import io.jenkins.plugins.ecsfargate.jenkins.runtime.CloudRuntimes;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import jenkins.model.Jenkins;
import jenkins.util.Timer;

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
    public List<Node> nodes() {
        return Jenkins.get().getNodes();
    }

    @Override
    public void addNode(Node node) throws IOException {
        Jenkins.get().addNode(node);
    }

    @Override
    public void updateNode(Node node) throws IOException {
        Jenkins.get().updateNode(node);
    }

    @Override
    public void removeNode(Node node) throws IOException {
        Jenkins.get().removeNode(node);
    }

    @Override
    public void terminate(AbstractCloudSlave agent) throws IOException, InterruptedException {
        agent.terminate();
    }

    @Override
    public List<Cloud> clouds() {
        return List.copyOf(Jenkins.get().clouds);
    }

    @Override
    public Set<LabelAtom> labelAtoms(String labelString) {
        return Label.parse(labelString);
    }

    @Override
    public String agentSecret(String agentName) {
        Computer computer = Jenkins.get().getComputer(agentName);
        if (!(computer instanceof SlaveComputer agent)) {
            throw new IllegalStateException("no agent computer named " + agentName);
        }
        return agent.getJnlpMac();
    }

    @Override
    public void suggestReviewNow(Label label) {
        if (label == null) {
            Jenkins.get().unlabeledNodeProvisioner.suggestReviewNow();
        } else {
            NodeProvisioner provisioner = label.nodeProvisioner;
            if (provisioner != null) {
                provisioner.suggestReviewNow();
            }
        }
    }

    @Override
    public List<Queue.Item> queueItems() {
        return Arrays.asList(Queue.getInstance().getItems());
    }

    @Override
    public boolean cancel(Queue.Item item) {
        return Queue.getInstance().cancel(item);
    }

    @Override
    public Scheduler scheduler() {
        return Scheduler.of(Timer.get());
    }

    @Override
    public String controllerId() {
        return Jenkins.get().getLegacyInstanceId();
    }

    @Override
    public Computer computer(Node node) {
        return node.toComputer();
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

    @Override
    public CloudRuntimes cloudRuntimes() {
        return ExtensionList.lookupSingleton(CloudRuntimes.class);
    }
}
