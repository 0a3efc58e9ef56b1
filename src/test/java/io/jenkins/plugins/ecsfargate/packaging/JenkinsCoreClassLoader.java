package io.jenkins.plugins.ecsfargate.packaging;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;

/**
 * Plays the part of Jenkins core's class loader for a plugin under test: it serves the stand-in Jenkins API and
 * the JDK from the test class path, but refuses the plugin's own classes and annotation indexes, so that whatever
 * a plugin class loader finds of ours must come from the packaged plugin jar.
 */
final class JenkinsCoreClassLoader extends ClassLoader {
    private static final String PLUGIN_PACKAGE = "io.jenkins.plugins.ecsfargate.";
    private final ClassLoader testClassPath;

    JenkinsCoreClassLoader(ClassLoader testClassPath) {
        super(null);
        this.testClassPath = testClassPath;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith(PLUGIN_PACKAGE)) {
            throw new ClassNotFoundException(name + " must come from the plugin jar");
        }
        return testClassPath.loadClass(name);
    }

    @Override
    public URL getResource(String name) {
        return isPluginResource(name) ? null : testClassPath.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return isPluginResource(name) ? Collections.emptyEnumeration() : testClassPath.getResources(name);
    }

    private static boolean isPluginResource(String name) {
        return name.startsWith("META-INF/annotations/")
                || name.startsWith("META-INF/services/annotations/")
                || name.startsWith("io/jenkins/plugins/ecsfargate/")
                || name.equals("index.jelly");
    }
}
