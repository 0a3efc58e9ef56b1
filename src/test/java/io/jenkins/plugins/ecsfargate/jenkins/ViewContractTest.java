package io.jenkins.plugins.ecsfargate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every configurable class of the adapter has a {@code config.jelly} whose {@code field=} attributes are exactly
 * its bound properties, and a {@code help-<field>.html} for each of them: a property missing from the view cannot
 * be set, a view field without a property is silently dropped on save, and a field without help leaves the
 * administrator guessing.
 */
class ViewContractTest {
    private static final Pattern FIELD = Pattern.compile("\\bfield=\"([^\"]+)\"");
    private static final Path RESOURCES = Path.of("src/main/resources");

    static List<Class<?>> configurableClasses() throws IOException, URISyntaxException {
        Path root = Path.of(EcsCloud.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Path adapter = root.resolve("io/jenkins/plugins/ecsfargate/jenkins");
        try (Stream<Path> files = Files.walk(adapter)) {
            List<Class<?>> classes = files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> root.relativize(p).toString())
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                    .map(ViewContractTest::load)
                    .filter(BoundProperties::isBound)
                    .toList();
            assertThat(classes).as("configurable classes").contains(EcsCloud.class);
            return classes;
        }
    }

    @ParameterizedTest
    @MethodSource("configurableClasses")
    void viewFieldsAreExactlyTheBoundProperties(Class<?> type) throws IOException {
        Path view = viewFolder(type).resolve("config.jelly");
        assertThat(view).as("config.jelly of %s", type.getName()).isRegularFile();
        assertThat(fieldsOf(view)).isEqualTo(BoundProperties.of(type));
    }

    @ParameterizedTest
    @MethodSource("configurableClasses")
    void everyBoundPropertyHasAHelpFile(Class<?> type) throws IOException {
        for (String property : BoundProperties.of(type)) {
            Path help = viewFolder(type).resolve("help-" + property + ".html");
            assertThat(help)
                    .as("help for %s.%s", type.getSimpleName(), property)
                    .isRegularFile();
            assertThat(Files.readString(help)).as("help for %s", property).contains("<div>");
        }
    }

    private static Set<String> fieldsOf(Path view) throws IOException {
        Set<String> fields = new TreeSet<>();
        Matcher matcher = FIELD.matcher(Files.readString(view));
        while (matcher.find()) {
            fields.add(matcher.group(1));
        }
        return fields;
    }

    private static Path viewFolder(Class<?> type) {
        return RESOURCES.resolve(type.getName().replace('.', '/').replace('$', '/'));
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ViewContractTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
