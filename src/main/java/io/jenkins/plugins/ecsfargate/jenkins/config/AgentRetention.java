package io.jenkins.plugins.ecsfargate.jenkins.config;

import hudson.model.AbstractDescribableImpl;

/**
 * When an agent's task is retired: after one build (the default) or after some idle minutes. This is the
 * configuration only; the retention strategies that act on it belong to the agent node.
 */
public abstract class AgentRetention extends AbstractDescribableImpl<AgentRetention> {}
