package io.jenkins.plugins.ecsfargate.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Extension;
import hudson.model.Descriptor;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import net.java.sezpoz.Index;
import net.java.sezpoz.IndexItem;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the built .hpi the way Jenkins' plugin loader does: manifests through {@link JarFile}, dependencies parsed
 * from {@code Plugin-Dependencies}, the JEP-200 rule per inner jar, extensions through SezPoz's index, symbols
 * through the annotation index, and a plugin jar that holds nothing but our own package.
 */
class HpiPackagingIT {
    private static final String CLOUD_DESCRIPTOR = "io.jenkins.plugins.ecsfargate.jenkins.EcsCloud$DescriptorImpl";
    private static final List<String> LOADER_ATTRIBUTES = List.of(
            "Short-Name",
            "Long-Name",
            "Plugin-Version",
            "Jenkins-Version",
            "Url",
            "Group-Id",
            "Plugin-Dependencies",
            "Plugin-Developers",
            "Implementation-Version",
            "Plugin-License-Name",
            "Plugin-License-Url");

    @TempDir
    static Path scratch;

    private static HpiArchive hpi;
    private static URLClassLoader pluginLoader;

    @BeforeAll
    static void open() throws IOException {
        hpi = HpiArchive.fromBuild(scratch);
        List<URL> urls = new ArrayList<>();
        for (Path jar : hpi.libraries()) {
            urls.add(jar.toUri().toURL());
        }
        pluginLoader = new URLClassLoader(
                urls.toArray(URL[]::new), new JenkinsCoreClassLoader(HpiPackagingIT.class.getClassLoader()));
    }

    @AfterAll
    static void close() throws IOException {
        if (pluginLoader != null) {
            pluginLoader.close();
        }
    }

    @Test
    void outerManifestCarriesWhatThePluginManagerReads() throws IOException {
        assertLoaderAttributes(manifestOf(hpi.file()));
    }

    @Test
    void pluginJarManifestCarriesTheSameAttributes() throws IOException {
        Attributes outer = manifestOf(hpi.file());
        Attributes inner = manifestOf(hpi.pluginJar());
        assertLoaderAttributes(inner);
        for (String name : LOADER_ATTRIBUTES) {
            assertThat(inner.getValue(name)).as(name).isEqualTo(outer.getValue(name));
        }
    }

    @Test
    void dependsOnTheCredentialsPluginAtARelease() throws IOException {
        Map<String, String> dependencies =
                parseDependencies(manifestOf(hpi.file()).getValue("Plugin-Dependencies"));
        assertThat(dependencies).containsOnlyKeys("credentials");
        assertThat(dependencies.get("credentials"))
                .as("credentials must be a required dependency at a release version")
                .doesNotContain("optional")
                .doesNotContain("SNAPSHOT")
                .matches("\\d+\\.v[0-9a-f_]+");
    }

    @Test
    void onlyThePluginJarIsTrustedForXStreamUnderJep200() throws IOException {
        List<String> trusted = new ArrayList<>();
        for (Path jar : hpi.libraries()) {
            Attributes attributes = manifestOf(jar);
            boolean pluginManifest = attributes.getValue("Short-Name") != null
                    && (attributes.getValue("Plugin-Version") != null
                            || attributes.getValue("Jenkins-Version") != null);
            if (pluginManifest) {
                trusted.add(jar.getFileName().toString());
            }
        }
        assertThat(trusted)
                .as("the plugin jar must carry the plugin manifest; bundled libraries must not pretend to")
                .containsExactly("ecs-fargate.jar");
    }

    @Test
    void bundlesTheSdkWithTheJdkHttpClientOnly() {
        List<String> names =
                hpi.libraries().stream().map(p -> p.getFileName().toString()).toList();
        for (String required : List.of("ecs-", "servicediscovery-", "iam-", "sts-", "url-connection-client-")) {
            assertThat(names).anySatisfy(n -> assertThat(n).startsWith(required));
        }
        for (String forbidden : List.of("netty-nio-client", "apache-client", "apache5-client", "slf4j-api", "netty-")) {
            assertThat(names).noneSatisfy(n -> assertThat(n).startsWith(forbidden));
        }
    }

    @Test
    void pluginJarHoldsOnlyOurPackageIndexJellyAndMetaInf() throws IOException {
        List<String> strangers = new ArrayList<>();
        try (JarFile jar = new JarFile(hpi.pluginJar().toFile())) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                boolean allowed = name.startsWith("io/jenkins/plugins/ecsfargate/")
                        || name.equals("index.jelly")
                        || name.startsWith("META-INF/")
                        || name.equals("io/")
                        || name.equals("io/jenkins/")
                        || name.equals("io/jenkins/plugins/");
                if (!allowed) {
                    strangers.add(name);
                }
            }
            assertThat(jar.getEntry("index.jelly")).as("index.jelly").isNotNull();
        }
        assertThat(strangers)
                .as("entries outside the allow-list (stand-ins must never ship)")
                .isEmpty();
    }

    @Test
    void sezpozIndexRegistersTheCloudDescriptor() throws Exception {
        List<String> found = new ArrayList<>();
        Object descriptor = null;
        for (IndexItem<Extension, Object> item : Index.load(Extension.class, Object.class, pluginLoader)) {
            found.add(item.className());
            if (item.className().equals(CLOUD_DESCRIPTOR)) {
                descriptor = item.instance();
            }
        }
        assertThat(found).contains(CLOUD_DESCRIPTOR);
        assertThat(descriptor).isInstanceOf(Descriptor.class);
        assertThat(descriptor.getClass().getClassLoader())
                .as("the descriptor must be loaded from the plugin jar")
                .isSameAs(pluginLoader);
        assertThat(((Descriptor<?>) descriptor).getDisplayName()).isEqualTo("Amazon ECS Fargate");
    }

    @Test
    void symbolIndexListsEveryClassCarryingSymbol() throws Exception {
        List<String> indexed = readLines("META-INF/annotations/org.jenkinsci.Symbol");
        TreeSet<String> annotated = new TreeSet<>();
        try (JarFile jar = new JarFile(hpi.pluginJar().toFile())) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                if (name.endsWith(".class") && !name.endsWith("package-info.class")) {
                    String className =
                            name.substring(0, name.length() - ".class".length()).replace('/', '.');
                    Class<?> type = Class.forName(className, false, pluginLoader);
                    if (type.isAnnotationPresent(Symbol.class)) {
                        annotated.add(className);
                    }
                }
            }
        }
        assertThat(annotated).contains(CLOUD_DESCRIPTOR);
        assertThat(new TreeSet<>(indexed)).isEqualTo(annotated);
    }

    private static void assertLoaderAttributes(Attributes attributes) {
        for (String name : LOADER_ATTRIBUTES) {
            assertThat(attributes.getValue(name)).as(name).isNotBlank();
        }
        assertThat(attributes.getValue("Short-Name")).isEqualTo("ecs-fargate");
        assertThat(attributes.getValue("Long-Name")).isEqualTo("Amazon ECS Fargate Agents");
        assertThat(attributes.getValue("Jenkins-Version")).isEqualTo("2.479.3");
        assertThat(attributes.getValue("Group-Id")).isEqualTo("io.jenkins.plugins");
        assertThat(attributes.getValue("Plugin-Version")).isEqualTo(attributes.getValue("Implementation-Version"));
    }

    /** Parses {@code name:version[;resolution:=optional]} entries as the plugin manager does. */
    private static Map<String, String> parseDependencies(String header) {
        Map<String, String> dependencies = new LinkedHashMap<>();
        for (String entry : header.split(",")) {
            String trimmed = entry.trim();
            int colon = trimmed.indexOf(':');
            assertThat(colon)
                    .as("dependency entry '%s' must be name:version", trimmed)
                    .isPositive();
            dependencies.put(trimmed.substring(0, colon), trimmed.substring(colon + 1));
        }
        return dependencies;
    }

    private static Attributes manifestOf(Path jarPath) throws IOException {
        try (JarFile jar = new JarFile(jarPath.toFile())) {
            Manifest manifest = jar.getManifest();
            assertThat(manifest).as("manifest of %s", jarPath.getFileName()).isNotNull();
            return manifest.getMainAttributes();
        }
    }

    private static List<String> readLines(String resource) throws IOException {
        List<String> lines = new ArrayList<>();
        for (URL url : Collections.list(pluginLoader.getResources(resource))) {
            try (InputStream in = url.openStream()) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isBlank()) {
                        lines.add(line.trim());
                    }
                }
            }
        }
        return lines;
    }
}
