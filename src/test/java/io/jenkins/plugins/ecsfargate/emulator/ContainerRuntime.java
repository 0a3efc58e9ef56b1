package io.jenkins.plugins.ecsfargate.emulator;

/**
 * Runs the containers of emulated tasks for real (see {@link LocalTaskRunner}), so a task ends when its process
 * does rather than when the latency model says. ECS offers it every task that reaches RUNNING; once it takes one
 * over, every stop of that task (StopTask, a spot interruption, {@link EcsService#stopTask}) waits in STOPPING
 * until the runtime reports the exit through {@link EcsService#containerExited}, which it must do exactly once per
 * task it took, or that task never reaches STOPPED.
 */
public interface ContainerRuntime {

    /**
     * Whether this runtime runs the task's containers. ECS calls it under its state lock, in lifecycle order, so it
     * may record the task but must not block or call back into ECS.
     */
    boolean takesOver(EmulatedTask task);

    /** Starts the containers of a task it took over; called once, outside ECS's lock, on the thread that ticks. */
    void start(EmulatedTask task);

    /**
     * A stop was requested for a task it took over: end its containers. May arrive before {@link #start} when two
     * threads tick at once, and arrives too after the runtime reported an exit itself (nothing is left to end then).
     */
    void stop(EmulatedTask task);
}
