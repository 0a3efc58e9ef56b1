/**
 * The agents' life on the Jenkins side: provisioning with caps, the agent node and its computer, the inbound
 * launcher, retention, what happens when a task stops, and reconciliation. Everything here reaches Jenkins through
 * {@link io.jenkins.plugins.ecsfargate.jenkins.JenkinsRuntime} and ECS through the engine.
 */
package io.jenkins.plugins.ecsfargate.jenkins.runtime;
