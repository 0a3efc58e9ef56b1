package io.jenkins.plugins.ecsfargate.jenkins;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.Computer;
import hudson.model.ItemGroup;
import hudson.model.Label;
import hudson.model.Node;
import hudson.model.Queue;
import hudson.model.labels.LabelAtom;
import hudson.slaves.AbstractCloudSlave;
import hudson.slaves.Cloud;
import io.jenkins.plugins.ecsfargate.engine.Scheduler;
import io.jenkins.plugins.ecsfargate.jenkins.runtime.CloudRuntimes;
import java.io.IOException;
import java.util.List;
import java.util.Set;

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

    /** Every node Jenkins has. */
    List<Node> nodes();

    /** Adds (or replaces) a node; Jenkins saves it at once. */
    void addNode(Node node) throws IOException;

    /** Saves a node's changed state (e.g. a task ARN just learned). */
    void updateNode(Node node) throws IOException;

    /** Removes a node; nothing happens if Jenkins does not have it. */
    void removeNode(Node node) throws IOException;

    /**
     * Retires a cloud agent as Jenkins does: disconnects it, calls its {@code _terminate} (which stops its task) and
     * removes the node.
     */
    void terminate(AbstractCloudSlave agent) throws IOException, InterruptedException;

    /** Every cloud configured in Jenkins. */
    List<Cloud> clouds();

    /** The label atoms of a space-separated label string, as Jenkins parses them. */
    Set<LabelAtom> labelAtoms(String labelString);

    /**
     * The inbound secret of the agent of that name ({@code JENKINS_SECRET}). The node must have been added: the
     * secret is what its computer's {@code getJnlpMac()} answers, a MAC of the name alone.
     */
    String agentSecret(String agentName);

    /** Asks Jenkins to provision for {@code label} (null: unlabeled work) now instead of at its next tick. */
    void suggestReviewNow(Label label);

    /** The items waiting in the build queue. */
    List<Queue.Item> queueItems();

    /** Cancels a queue item; false if it had already left the queue. */
    boolean cancel(Queue.Item item);

    /** Jenkins' shared timer, for work that must not run on the caller's thread. */
    Scheduler scheduler();

    /** The id of this controller, stable across restarts (tags and {@code startedBy} of its tasks). */
    String controllerId();

    /** The computer of a node that Jenkins has, or null (no executors, or not added). */
    Computer computer(Node node);

    /**
     * The username/password credential with {@code id} visible to the system at Jenkins' root, or null. Clouds
     * read their access key through this; it never reaches a form.
     */
    StandardUsernamePasswordCredentials findUsernamePassword(String id);

    /** Where the cloud form lists credentials from: Jenkins' root item group. */
    ItemGroup<?> credentialsContext();

    /** The configured cloud named {@code name}, or null. */
    Cloud cloudByName(String name);

    /** The registry that owns every cloud's runtime (one per Jenkins). */
    CloudRuntimes cloudRuntimes();
}
