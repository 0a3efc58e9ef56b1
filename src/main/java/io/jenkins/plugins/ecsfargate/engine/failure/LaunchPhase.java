package io.jenkins.plugins.ecsfargate.engine.failure;

/** Where in the life of an agent a failure happened, so the user knows which step to look at. */
public enum LaunchPhase {
    /** Building clients or obtaining credentials (including the role session). */
    CREDENTIALS,
    /** Finding or registering the task definition. */
    TASK_DEFINITION,
    /** Resolving the TCP tunnel through Cloud Map. */
    TUNNEL,
    /** The RunTask call itself. */
    RUN_TASK,
    /** Between RunTask and RUNNING: provisioning, image pull, container start. */
    START,
    /** Between RUNNING and the agent connecting to Jenkins. */
    CONNECT,
    /** While the agent was running. */
    RUNNING,
    /** Stopping the task. */
    STOP,
    /** Following tasks with DescribeTasks / ListTasks. */
    TRACKING
}
