// Compile-time stand-in for org.jenkins-ci:task-reactor (a Jenkins core dependency): declarations only, never packaged.
package org.jvnet.hudson.reactor;

/** Named only by the throws clause of Jenkins' constructor. */
public class ReactorException extends Exception {
    ReactorException(Throwable cause) {
        super(cause);
    }
}
