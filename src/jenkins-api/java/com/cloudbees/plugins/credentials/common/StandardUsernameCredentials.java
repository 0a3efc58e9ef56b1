// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package com.cloudbees.plugins.credentials.common;

public interface StandardUsernameCredentials extends StandardCredentials, UsernameCredentials {}
