package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.Computer;
import hudson.model.ItemGroup;
import hudson.model.Label;
import hudson.model.Node;
import hudson.model.Queue;
import hudson.model.TaskListener;
import hudson.model.labels.LabelAtom;
import hudson.slaves.AbstractCloudSlave;
import hudson.slaves.Cloud;
import io.jenkins.plugins.ecsfargate.engine.Scheduler;
import io.jenkins.plugins.ecsfargate.jenkins.JenkinsRuntime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** A Jenkins for adapter tests: a node list, a queue, clouds, and Jenkins' way of retiring cloud agents. */
final class FakeJenkins implements JenkinsRuntime {
    static final String CONTROLLER = "controller-1";

    final Map<String, Node> nodes = new LinkedHashMap<>();
    /** Every node ever added, removed ones too, by name. */
    private final Map<String, Node> added = new LinkedHashMap<>();

    final List<Cloud> clouds = new CopyOnWriteArrayList<>();
    final List<Queue.Item> queue = new CopyOnWriteArrayList<>();
    final List<Queue.Item> cancelled = new CopyOnWriteArrayList<>();
    final List<String> reviews = new CopyOnWriteArrayList<>();
    final List<String> saved = new CopyOnWriteArrayList<>();
    final List<String> removed = new CopyOnWriteArrayList<>();
    private final Map<Node, Computer> computers = new HashMap<>();
    private final Scheduler scheduler;
    private final CloudRuntimes runtimes;

    FakeJenkins(Scheduler scheduler) {
        this(scheduler, Clock.systemUTC(), 7);
    }

    /** A Jenkins whose cloud runtimes run on {@code scheduler} and {@code clock}, naming agents from {@code seed}. */
    FakeJenkins(Scheduler scheduler, Clock clock, long seed) {
        this.scheduler = scheduler;
        this.runtimes = new CloudRuntimes(this, scheduler, clock, new Random(seed));
    }

    @Override
    public void checkAdminister() {}

    @Override
    public boolean hasAdminister() {
        return true;
    }

    @Override
    public String rootUrl() {
        return "https://ci.example.com/";
    }

    @Override
    public synchronized List<Node> nodes() {
        return new ArrayList<>(nodes.values());
    }

    @Override
    public synchronized void addNode(Node node) {
        nodes.put(node.getNodeName(), node);
        added.put(node.getNodeName(), node);
        saved.add(node.getNodeName());
    }

    @Override
    public synchronized void updateNode(Node node) {
        if (nodes.get(node.getNodeName()) == node) {
            saved.add(node.getNodeName());
        }
    }

    @Override
    public synchronized void removeNode(Node node) {
        if (nodes.remove(node.getNodeName(), node)) {
            removed.add(node.getNodeName());
        }
    }

    /** As Jenkins: {@code _terminate}, then the node is removed. */
    @Override
    public void terminate(AbstractCloudSlave agent) throws IOException, InterruptedException {
        if (agent instanceof EcsAgent ecs) {
            ecs._terminate(TaskListener.NULL);
        }
        removeNode(agent);
    }

    @Override
    public List<Cloud> clouds() {
        return List.copyOf(clouds);
    }

    @Override
    public Set<LabelAtom> labelAtoms(String labelString) {
        return Arrays.stream(labelString.trim().split("\\s+"))
                .filter(s -> !s.isEmpty())
                .map(LabelAtom::new)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    public synchronized String agentSecret(String agentName) {
        if (!nodes.containsKey(agentName)) {
            throw new IllegalStateException("no node " + agentName);
        }
        return secretOf(agentName);
    }

    static String secretOf(String agentName) {
        try {
            byte[] mac = MessageDigest.getInstance("SHA-256").digest(agentName.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void suggestReviewNow(Label label) {
        reviews.add(label == null ? "" : label.getName());
    }

    @Override
    public List<Queue.Item> queueItems() {
        return List.copyOf(queue);
    }

    @Override
    public boolean cancel(Queue.Item item) {
        if (queue.remove(item)) {
            cancelled.add(item);
            return true;
        }
        return false;
    }

    @Override
    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public String controllerId() {
        return CONTROLLER;
    }

    @Override
    public synchronized Computer computer(Node node) {
        if (!nodes.containsValue(node) || !(node instanceof EcsAgent agent)) {
            return null;
        }
        return computers.computeIfAbsent(node, n -> agent.createComputer());
    }

    @Override
    public StandardUsernamePasswordCredentials findUsernamePassword(String id) {
        return null;
    }

    @Override
    public ItemGroup<?> credentialsContext() {
        return null;
    }

    @Override
    public Cloud cloudByName(String name) {
        return clouds.stream().filter(c -> c.name.equals(name)).findFirst().orElse(null);
    }

    @Override
    public CloudRuntimes cloudRuntimes() {
        return runtimes;
    }

    /** The agent once added under {@code name}, even if it has been removed since, or null. */
    synchronized EcsAgent addedAgent(String name) {
        return (EcsAgent) added.get(name);
    }

    synchronized EcsAgent agent(String name) {
        return (EcsAgent) nodes.get(name);
    }

    synchronized List<EcsAgent> agents() {
        return nodes.values().stream()
                .filter(EcsAgent.class::isInstance)
                .map(EcsAgent.class::cast)
                .toList();
    }
}
