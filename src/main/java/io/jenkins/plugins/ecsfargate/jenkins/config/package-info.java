/**
 * The nested parts of a cloud's and a template's configuration (connection, retention, logs, environment,
 * secrets, tags, sidecars). Each is a small immutable describable bound by Stapler and JCasC, persisted as Strings
 * and our own types only.
 */
package io.jenkins.plugins.ecsfargate.jenkins.config;
