/**
 * The Jenkins adapter: cloud, templates, agent nodes, launcher, retention, forms. It holds configuration and
 * translates Jenkins' provisioning into engine calls; it makes no AWS call itself.
 */
package io.jenkins.plugins.ecsfargate.jenkins;
