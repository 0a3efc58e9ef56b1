package io.jenkins.plugins.ecsfargate.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/** The built .hpi, unpacked once into a temporary folder so that its inner jars can be opened as Jenkins does. */
final class HpiArchive {
    static final String PLUGIN_JAR = "WEB-INF/lib/ecs-fargate.jar";

    private final Path hpi;
    private final Path unpacked;

    private HpiArchive(Path hpi, Path unpacked) {
        this.hpi = hpi;
        this.unpacked = unpacked;
    }

    /** Opens the .hpi named by the {@code hpi.file} system property (set by the build). */
    static HpiArchive fromBuild(Path scratch) throws IOException {
        String file = System.getProperty("hpi.file");
        if (file == null) {
            throw new IllegalStateException("system property hpi.file is not set: run this test through `mvn verify`");
        }
        Path hpi = Path.of(file);
        if (!Files.isRegularFile(hpi)) {
            throw new IllegalStateException(hpi + " does not exist: the package phase must run first");
        }
        try (JarFile jar = new JarFile(hpi.toFile())) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                if (entry.isDirectory()) {
                    continue;
                }
                Path target = scratch.resolve(entry.getName()).normalize();
                if (!target.startsWith(scratch)) {
                    throw new IOException("entry escapes the archive: " + entry.getName());
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = jar.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return new HpiArchive(hpi, scratch);
    }

    Path file() {
        return hpi;
    }

    Path pluginJar() {
        return unpacked.resolve(PLUGIN_JAR);
    }

    /** Every jar under WEB-INF/lib, plugin jar included. */
    List<Path> libraries() {
        try (var stream = Files.list(unpacked.resolve("WEB-INF/lib"))) {
            List<Path> jars = new ArrayList<>(
                    stream.filter(p -> p.toString().endsWith(".jar")).toList());
            Collections.sort(jars);
            return jars;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
