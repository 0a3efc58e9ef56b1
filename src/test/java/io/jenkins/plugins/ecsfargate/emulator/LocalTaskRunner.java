package io.jenkins.plugins.ecsfargate.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the agent container of every emulated task that reaches RUNNING as a local process, as the {@code
 * jenkins/inbound-agent} image would run it (see {@link InboundAgentCommand}), so a real Jenkins gets real agents
 * from the emulator. Off unless {@link #attach attached}. The agent jar comes from the controller named by the
 * container's {@code JENKINS_URL} (once per controller); the JVM is the one running the emulator. Each task gets
 * {@code <root>/tasks/<task id>/work} as work and working directory and {@code <root>/tasks/<task id>/agent.log}
 * for its output; sidecars are recorded, not run.
 *
 * <p>The process decides how the task ends: its exit (any code) stops the task with {@code
 * EssentialContainerExited} and that exit code; a stop (StopTask, or one the emulator makes) sends it SIGTERM,
 * then SIGKILL after the container's {@code stopTimeout} (Fargate's 30 s by default), and the task stays STOPPING
 * until it is gone. These waits are real time, as processes live in it; the task's timestamps still follow the
 * emulator clock. Closing the runner (the emulator closes it) kills every process it started.
 */
public final class LocalTaskRunner implements ContainerRuntime, AutoCloseable {
    /** The agent container's name in the plugin's task definitions. */
    public static final String DEFAULT_AGENT_CONTAINER = "agent";

    private static final Logger LOGGER = Logger.getLogger(LocalTaskRunner.class.getName());
    private static final Duration TICK = Duration.ofMillis(200);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);
    private static final int FAILED = 1;
    private static final int TERMINATED = 143;

    private final EcsService ecs;
    private final Path root;
    private final String agentContainer;
    private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    private final ExecutorService executor;
    private final ScheduledExecutorService timers;
    private final AgentJars jars;
    private final Map<String, RunnerTask> tasks = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private LocalTaskRunner(EcsService ecs, Path root, String agentContainer) {
        this.ecs = ecs;
        this.root = root;
        this.agentContainer = agentContainer;
        this.executor = Executors.newCachedThreadPool(daemons("local-task-runner"));
        this.timers = Executors.newSingleThreadScheduledExecutor(daemons("local-task-runner-timer"));
        this.jars = new AgentJars(root.resolve("agent-jars"), executor);
    }

    /** Runs the tasks of {@code ecs} whose container {@value #DEFAULT_AGENT_CONTAINER} is essential. */
    public static LocalTaskRunner attach(EcsEmulator emulator, EcsService ecs, Path root) {
        return attach(emulator, ecs, root, DEFAULT_AGENT_CONTAINER);
    }

    /**
     * Runs, from now on, the container {@code agentContainer} of the tasks of {@code ecs} that reach RUNNING,
     * keeping jars, work directories and logs under {@code root}; closes with {@code emulator}. On a system clock
     * it also ticks ECS every 200 ms, so tasks start when they reach RUNNING rather than at the next request.
     */
    public static LocalTaskRunner attach(EcsEmulator emulator, EcsService ecs, Path root, String agentContainer) {
        LocalTaskRunner runner = new LocalTaskRunner(ecs, root, agentContainer);
        ecs.runContainersWith(runner);
        emulator.closeWith(runner);
        if (!emulator.clock().isManual()) {
            runner.timers.scheduleWithFixedDelay(runner::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
        }
        return runner;
    }

    /** Where jars, work directories and logs live. */
    public Path root() {
        return root;
    }

    /** The task of that ARN, if this runner took it over. */
    public Optional<RunnerTask> task(String taskArn) {
        return Optional.ofNullable(tasks.get(taskArn));
    }

    /** Every task this runner took over, in no particular order. */
    public List<RunnerTask> tasks() {
        return List.copyOf(tasks.values());
    }

    @Override
    public boolean takesOver(EmulatedTask task) {
        Optional<EmulatedTask.Container> agent =
                task.container(agentContainer).filter(EmulatedTask.Container::essential);
        if (closed || agent.isEmpty()) {
            return false;
        }
        List<String> sidecars = task.containers().stream()
                .map(EmulatedTask.Container::name)
                .filter(name -> !name.equals(agentContainer))
                .toList();
        Path directory = root.resolve("tasks").resolve(task.taskId());
        tasks.put(task.taskArn(), new RunnerTask(task.taskArn(), agent.get(), sidecars, directory));
        return true;
    }

    @Override
    public void start(EmulatedTask task) {
        RunnerTask runnerTask = tasks.get(task.taskArn());
        if (runnerTask == null) {
            return;
        }
        LOGGER.fine(() -> "starting " + task.taskArn() + "; not running sidecars " + runnerTask.sidecars());
        try {
            executor.execute(() -> launch(runnerTask));
        } catch (RejectedExecutionException e) {
            notStarted(runnerTask, TERMINATED, "the runner closed before the process started");
        }
    }

    @Override
    public void stop(EmulatedTask task) {
        RunnerTask runnerTask = tasks.get(task.taskArn());
        if (runnerTask == null) {
            return;
        }
        Process process = runnerTask.stopRequested();
        if (process != null) {
            terminate(runnerTask, process);
        }
    }

    private void launch(RunnerTask runnerTask) {
        EmulatedTask.Container agent = runnerTask.agent();
        try {
            Files.createDirectories(runnerTask.workDir());
        } catch (IOException e) {
            notStarted(runnerTask, FAILED, "cannot create " + runnerTask.workDir() + ": " + e);
            return;
        }
        if (InboundAgentCommand.replacesAgent(agent.command())) {
            spawn(runnerTask, null);
            return;
        }
        String url = agent.environment().get(InboundAgentCommand.URL);
        if (url == null || url.isEmpty()) {
            notStarted(runnerTask, FAILED, "JENKINS_URL is not set: no controller to fetch agent.jar from");
            return;
        }
        jars.jar(url)
                .whenComplete((jar, error) -> onRunnerThread(() -> {
                    if (error == null) {
                        spawn(runnerTask, jar);
                    } else {
                        notStarted(runnerTask, FAILED, "cannot fetch agent.jar from " + url + ": " + rootCause(error));
                    }
                }));
    }

    private void spawn(RunnerTask runnerTask, Path jar) {
        if (runnerTask.isStopRequested()) {
            notStarted(runnerTask, TERMINATED, "stopped before its process started");
            return;
        }
        EmulatedTask.Container agent = runnerTask.agent();
        List<String> argv;
        try {
            argv = InboundAgentCommand.of(agent.environment(), agent.command(), java, jar, runnerTask.workDir());
        } catch (IllegalArgumentException e) {
            notStarted(runnerTask, FAILED, "REMOTING_OPTS is not valid shell words: " + e.getMessage());
            return;
        }
        ProcessBuilder builder = new ProcessBuilder(argv)
                .directory(runnerTask.workDir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(runnerTask.logFile().toFile()));
        agent.environment().forEach((name, value) -> {
            if (value != null) {
                builder.environment().put(name, value);
            }
        });
        Process process = null;
        String refused;
        int refusedCode = TERMINATED;
        boolean stopFirst = false;
        synchronized (this) {
            refused = closed ? "the runner closed before the process started" : null;
            if (refused == null) {
                try {
                    process = builder.start();
                    stopFirst = runnerTask.started(process, argv);
                } catch (IOException e) {
                    refused = "cannot start " + argv.get(0) + ": " + e;
                    refusedCode = FAILED;
                }
            }
        }
        if (process == null) {
            notStarted(runnerTask, refusedCode, refused);
            return;
        }
        Process started = process;
        LOGGER.fine(() -> "task " + runnerTask.taskArn() + " runs as process " + started.pid());
        started.onExit().whenComplete((handle, error) -> onRunnerThread(() -> ended(runnerTask, started.exitValue())));
        if (stopFirst) {
            terminate(runnerTask, started);
        }
    }

    /** SIGTERM now, SIGKILL after the stop timeout (at once when the runner is closing). */
    private void terminate(RunnerTask runnerTask, Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (closed) {
                throw new RejectedExecutionException("closing");
            }
            runnerTask.killLater(timers.schedule(
                    () -> kill(process), runnerTask.stopTimeout().toMillis(), TimeUnit.MILLISECONDS));
        } catch (RejectedExecutionException e) {
            kill(process);
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private void notStarted(RunnerTask runnerTask, int exitCode, String reason) {
        LOGGER.log(Level.WARNING, "task {0} gets no process: {1}", new Object[] {runnerTask.taskArn(), reason});
        try {
            Files.createDirectories(runnerTask.logFile().getParent());
            Files.writeString(
                    runnerTask.logFile(),
                    "[local task runner] " + reason + System.lineSeparator(),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, e, () -> "cannot write " + runnerTask.logFile());
        }
        runnerTask.process().completeExceptionally(new IllegalStateException(reason));
        ended(runnerTask, exitCode);
    }

    private void ended(RunnerTask runnerTask, int exitCode) {
        runnerTask.cancelKill();
        LOGGER.fine(() -> "task " + runnerTask.taskArn() + " exited with " + exitCode);
        try {
            ecs.containerExited(runnerTask.taskArn(), exitCode);
            runnerTask.exit().complete(exitCode);
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, e, () -> "cannot report the exit of " + runnerTask.taskArn());
            runnerTask.exit().completeExceptionally(e);
        }
    }

    private static Throwable rootCause(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof UncheckedIOException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private void tick() {
        try {
            ecs.tick();
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "a task hook failed", e);
        }
    }

    /** Runs {@code action} on the runner's threads, or right here once the runner is shutting down. */
    private void onRunnerThread(Runnable action) {
        try {
            executor.execute(action);
        } catch (RejectedExecutionException e) {
            action.run();
        }
    }

    /** Kills every process this runner started and waits (boundedly) until they are gone. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        for (RunnerTask runnerTask : tasks.values()) {
            Process process = runnerTask.stopRequested();
            if (process != null) {
                kill(process);
            }
        }
        executor.shutdown();
        long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
        try {
            if (!executor.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOGGER.warning("local task runner threads still busy after close");
            }
            List<Process> started = new ArrayList<>();
            tasks.values().forEach(t -> Optional.ofNullable(t.startedProcess()).ifPresent(started::add));
            for (Process process : started) {
                kill(process);
                process.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOGGER.log(Level.WARNING, "an agent process outlived the runner", e);
        } finally {
            timers.shutdownNow();
        }
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
