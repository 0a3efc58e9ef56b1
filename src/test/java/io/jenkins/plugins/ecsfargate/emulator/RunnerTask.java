package io.jenkins.plugins.ecsfargate.emulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * One task as the {@link LocalTaskRunner} runs it: the agent container's local process, its own work directory
 * and log file (the process's output), and the sidecars it recorded but does not run. {@link #process()}
 * completes when the process has started (exceptionally if it never will); {@link #exit()} completes with the
 * container's exit code once ECS has been told, so a test that waits on it can describe the stop at once.
 */
public final class RunnerTask {
    private final String taskArn;
    private final EmulatedTask.Container agent;
    private final List<String> sidecars;
    private final Path workDir;
    private final Path logFile;
    private final CompletableFuture<Process> process = new CompletableFuture<>();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private List<String> command = List.of();
    private Process running;
    private boolean stopRequested;
    private Future<?> kill;

    RunnerTask(String taskArn, EmulatedTask.Container agent, List<String> sidecars, Path directory) {
        this.taskArn = taskArn;
        this.agent = agent;
        this.sidecars = List.copyOf(sidecars);
        this.workDir = directory.resolve("work");
        this.logFile = directory.resolve("agent.log");
    }

    public String taskArn() {
        return taskArn;
    }

    /** The name of the container that runs (the agent container). */
    public String containerName() {
        return agent.name();
    }

    /** The names of the task's other containers: recorded, not run. */
    public List<String> sidecars() {
        return sidecars;
    }

    /** The agent's work directory and the process's working directory; never the container's path. */
    public Path workDir() {
        return workDir;
    }

    /** Where the process's standard output and error go, with the runner's own notes about this task. */
    public Path logFile() {
        return logFile;
    }

    /** The started process. */
    public CompletableFuture<Process> process() {
        return process;
    }

    /** The container's exit code, once ECS knows it. */
    public CompletableFuture<Integer> exit() {
        return exit;
    }

    /** The process's command line (it holds the agent's secret); empty until the process started. */
    public synchronized List<String> command() {
        return command;
    }

    EmulatedTask.Container agent() {
        return agent;
    }

    /** How long the process has between SIGTERM and SIGKILL: the container's stopTimeout, or Fargate's 30 s. */
    Duration stopTimeout() {
        return agent.stopTimeout() == null ? Duration.ofSeconds(30) : agent.stopTimeout();
    }

    /** Records the started process; true if a stop was requested meanwhile (the caller then terminates it). */
    synchronized boolean started(Process started, List<String> argv) {
        command = List.copyOf(argv);
        running = started;
        process.complete(started);
        return stopRequested;
    }

    /** Marks the task stopping; returns the process to terminate, or null if none was started. */
    synchronized Process stopRequested() {
        stopRequested = true;
        return running;
    }

    /** The started process, or null. */
    synchronized Process startedProcess() {
        return running;
    }

    synchronized boolean isStopRequested() {
        return stopRequested;
    }

    synchronized void killLater(Future<?> scheduled) {
        kill = scheduled;
    }

    synchronized void cancelKill() {
        if (kill != null) {
            kill.cancel(false);
        }
    }
}
