package io.jenkins.plugins.ecsfargate.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.ecsfargate.engine.AwsNames;
import io.jenkins.plugins.ecsfargate.jenkins.EcsCloud;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine must stay usable and testable without Jenkins: nothing under {@code engine/} may refer to Jenkins,
 * Stapler, the credentials plugin or structs, neither in source imports nor in the compiled classes. And it never
 * sleeps: waiting is scheduled on the injected scheduler and clock, so tests control time.
 */
class EngineArchitectureTest {
    private static final List<String> FORBIDDEN_INTERNAL =
            List.of("hudson/", "jenkins/", "org/kohsuke/", "com/cloudbees/", "org/jenkinsci/");
    private static final Pattern FORBIDDEN_IMPORT = Pattern.compile(
            "^\\s*import\\s+(static\\s+)?(hudson|jenkins|org\\.kohsuke|com\\.cloudbees|org\\.jenkinsci)\\.",
            Pattern.MULTILINE);

    @Test
    void compiledEngineClassesReferToNoJenkinsType() throws Exception {
        Path engine = classesRoot(AwsNames.class);
        Map<String, Set<String>> offenders = new TreeMap<>();
        List<Path> classFiles = classFilesUnder(engine);
        assertThat(classFiles).as("engine classes to check").isNotEmpty();
        for (Path classFile : classFiles) {
            Set<String> forbidden = forbiddenReferences(Files.readAllBytes(classFile));
            if (!forbidden.isEmpty()) {
                offenders.put(engine.relativize(classFile).toString(), forbidden);
            }
        }
        assertThat(offenders).as("engine classes referring to Jenkins types").isEmpty();
    }

    @Test
    void engineSourcesImportNoJenkinsPackage() throws IOException {
        Path sources = Path.of("src/main/java/io/jenkins/plugins/ecsfargate/engine");
        assertThat(sources).isDirectory();
        try (Stream<Path> files = Files.walk(sources)) {
            List<String> offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> FORBIDDEN_IMPORT.matcher(read(p)).find())
                    .map(Path::toString)
                    .toList();
            assertThat(offenders).isEmpty();
        }
    }

    @Test
    void engineSourcesNeverSleep() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/jenkins/plugins/ecsfargate/engine"))) {
            List<String> sleepers = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> read(p).contains("Thread.sleep"))
                    .map(Path::toString)
                    .toList();
            assertThat(sleepers).isEmpty();
        }
    }

    @Test
    void theCheckRecognisesJenkinsReferences() throws Exception {
        byte[] adapterClass = Files.readAllBytes(classesRoot(EcsCloud.class).resolve("EcsCloud.class"));
        assertThat(forbiddenReferences(adapterClass)).contains("hudson/slaves/Cloud");
        assertThat(FORBIDDEN_IMPORT.matcher("import hudson.model.Node;").find()).isTrue();
        assertThat(FORBIDDEN_IMPORT
                        .matcher("String image = \"jenkins/inbound-agent\";")
                        .find())
                .isFalse();
    }

    private static Set<String> forbiddenReferences(byte[] classFile) throws IOException {
        Set<String> references = ClassReferences.of(classFile);
        references.removeIf(r -> FORBIDDEN_INTERNAL.stream().noneMatch(r::startsWith));
        return references;
    }

    private static Path classesRoot(Class<?> member) throws URISyntaxException {
        Path location = Path.of(
                member.getProtectionDomain().getCodeSource().getLocation().toURI());
        return location.resolve(member.getPackageName().replace('.', '/'));
    }

    private static List<Path> classFilesUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".class")).toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
