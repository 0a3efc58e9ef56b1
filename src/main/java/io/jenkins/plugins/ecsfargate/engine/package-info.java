/**
 * The ECS engine: everything that talks to AWS, and nothing that knows Jenkins.
 *
 * <p>Only plain, immutable data crosses into this package (agent specs, task handles, state events, typed
 * failures), so the engine can be tested against the ECS emulator without a Jenkins and reused by any
 * adapter. A test enforces that nothing here imports {@code hudson.*}, {@code jenkins.*},
 * {@code org.kohsuke.*}, {@code com.cloudbees.*} or {@code org.jenkinsci.*}.
 */
package io.jenkins.plugins.ecsfargate.engine;
