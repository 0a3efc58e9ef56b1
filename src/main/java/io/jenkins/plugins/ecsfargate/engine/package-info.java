/**
 * The ECS engine: everything that talks to AWS, and nothing that knows Jenkins.
 *
 * <p>Only plain, immutable data crosses into this package (agent specs, task handles, state events, typed
 * failures), so the engine can be tested against the ECS emulator without a Jenkins and reused by any
 * adapter. A test enforces that nothing here imports {@code hudson.*}, {@code jenkins.*},
 * {@code org.kohsuke.*}, {@code com.cloudbees.*} or {@code org.jenkinsci.*}.
 *
 * <p>Entry point: {@link io.jenkins.plugins.ecsfargate.engine.FargateEngine}, one per cloud, built from an
 * {@link io.jenkins.plugins.ecsfargate.engine.EngineConfig} with a {@link io.jenkins.plugins.ecsfargate.engine.Scheduler},
 * a {@code Clock} and a random source. What a template runs is a {@code spec.TaskDefinitionSpec} (hashed into one
 * task-definition revision); what varies per run is a {@code spec.LaunchOverrides}. Failures are
 * {@code failure.LaunchFailure}s, classified by one table ({@code failure.FailureCause}).
 */
package io.jenkins.plugins.ecsfargate.engine;
