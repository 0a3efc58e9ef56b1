/**
 * Following agent tasks after RunTask: one {@link io.jenkins.plugins.ecsfargate.engine.tracking.TaskTracker} per
 * cloud and its {@link io.jenkins.plugins.ecsfargate.engine.tracking.Reaper}.
 *
 * <p>How an adapter uses it: build the tracker once per cloud from the engine's clients and call runner, register
 * one {@link io.jenkins.plugins.ecsfargate.engine.tracking.TaskListener}, {@code track} each task as soon as
 * RunTask returns, report {@code connected} when the agent comes online, {@code stop} with a reason to retire an
 * agent, and run a reaper pass at start-up and every few minutes with a callback that says whether an agent name
 * is still wanted. Everything crossing this boundary is immutable data: task handles, states, events and typed
 * failures.
 */
package io.jenkins.plugins.ecsfargate.engine.tracking;
