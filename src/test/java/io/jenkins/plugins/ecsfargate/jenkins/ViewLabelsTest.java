package io.jenkins.plugins.ecsfargate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.ecsfargate.jenkins.config.Architecture;
import io.jenkins.plugins.ecsfargate.jenkins.config.Capacity;
import io.jenkins.plugins.ecsfargate.jenkins.config.OperatingSystem;
import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every user-facing string has one reviewed, translatable place: each {@code ${%…}} of a view is a key of the
 * view's {@code config.properties}, each bound field of a view has a title from there, each descriptor's display
 * name and each message key the Java code names literally is in {@code Messages.properties}.
 */
class ViewLabelsTest {
    private static final Pattern LOCALIZED = Pattern.compile("\\$\\{%([^}]+)}");
    private static final Pattern ENTRY =
            Pattern.compile("<f:(entry|optionalProperty|dropdownDescriptorSelector)\\b([^>]*)>");
    private static final Pattern FIELD = Pattern.compile("\\bfield=\"([^\"]+)\"");
    private static final Pattern TITLE = Pattern.compile("\\btitle=\"\\$\\{%[^}]+}\"");
    private static final Pattern MESSAGE_KEY = Pattern.compile("Messages\\.format\\(\\s*\"([^\"]+)\"");
    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Path SOURCES = Path.of("src/main/java/io/jenkins/plugins/ecsfargate/jenkins");

    static List<Class<?>> configurableClasses() throws IOException, URISyntaxException {
        return ViewContractTest.configurableClasses();
    }

    @ParameterizedTest
    @MethodSource("configurableClasses")
    void everyLocalizedTextOfTheViewIsInItsProperties(Class<?> type) throws IOException {
        Path folder = folder(type);
        String jelly = Files.readString(folder.resolve("config.jelly"));
        Matcher matcher = LOCALIZED.matcher(jelly);
        List<String> keys = new ArrayList<>();
        while (matcher.find()) {
            keys.add(matcher.group(1));
        }
        if (keys.isEmpty()) {
            return;
        }
        Properties properties = load(folder.resolve("config.properties"));
        assertThat(properties.stringPropertyNames())
                .as("config.properties of %s", type.getSimpleName())
                .containsAll(keys);
        assertThat(properties.values()).allMatch(v -> !v.toString().isBlank());
    }

    static Stream<Path> pageViews() throws IOException {
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            List<Path> views = files.filter(f -> f.toString().endsWith(".jelly"))
                    .filter(f -> !f.getFileName().toString().equals("config.jelly"))
                    .toList();
            return views.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("pageViews")
    void everyLocalizedTextOfAPageIsInItsProperties(Path view) throws IOException {
        String jelly = Files.readString(view);
        Matcher matcher = LOCALIZED.matcher(jelly);
        List<String> keys = new ArrayList<>();
        while (matcher.find()) {
            keys.add(matcher.group(1));
        }
        String base = view.getFileName().toString().replace(".jelly", ".properties");
        Properties properties = keys.isEmpty() ? new Properties() : load(view.resolveSibling(base));
        assertThat(properties.stringPropertyNames()).as("%s", base).containsAll(keys);
        for (Object value : properties.values()) {
            String text = value.toString();
            assertThat(text).isNotBlank();
            assertThat(new MessageFormat(text).format(new Object[0]))
                    .as("%s in %s", text, base)
                    .isEqualTo(text.replace("''", "'"));
        }
    }

    /**
     * Stapler reads {@code ${%text (x)}} as the key {@code "text "} with the argument {@code x}, and formats every
     * text with {@code MessageFormat}, where a lone apostrophe starts a quote and disappears.
     */
    @ParameterizedTest
    @MethodSource("configurableClasses")
    void everyLocalizedTextShowsAsWritten(Class<?> type) throws IOException {
        Path folder = folder(type);
        Matcher matcher = LOCALIZED.matcher(Files.readString(folder.resolve("config.jelly")));
        while (matcher.find()) {
            assertThat(matcher.group(1))
                    .as("a key of %s, not a call with arguments", type.getSimpleName())
                    .doesNotContain("(");
        }
        if (Files.exists(folder.resolve("config.properties"))) {
            for (Object value : load(folder.resolve("config.properties")).values()) {
                String text = value.toString();
                assertThat(new MessageFormat(text).format(new Object[0]))
                        .as("%s in config.properties of %s", text, type.getSimpleName())
                        .isEqualTo(text.replace("''", "'"));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("configurableClasses")
    void everyBoundFieldHasALocalizedTitle(Class<?> type) throws IOException {
        String jelly = Files.readString(folder(type).resolve("config.jelly"));
        Matcher entry = ENTRY.matcher(jelly);
        while (entry.find()) {
            Matcher field = FIELD.matcher(entry.group(2));
            if (field.find()) {
                assertThat(TITLE.matcher(entry.group(2)).find())
                        .as("title of %s.%s", type.getSimpleName(), field.group(1))
                        .isTrue();
            }
        }
    }

    @Test
    void everyMessageKeyNamedInCodeExists() throws IOException {
        ResourceBundle bundle = ResourceBundle.getBundle("io.jenkins.plugins.ecsfargate.jenkins.Messages");
        List<String> keys = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher matcher = MESSAGE_KEY.matcher(Files.readString(file));
                while (matcher.find()) {
                    if (!matcher.group(1).endsWith(".")) {
                        keys.add(matcher.group(1));
                    }
                }
            }
        }
        assertThat(keys).hasSizeGreaterThan(30);
        assertThat(keys).allMatch(bundle::containsKey, "is in Messages.properties");
    }

    @Test
    void everyKeyPrefixHandedToTheFormRulesHasItsMessages() throws IOException {
        ResourceBundle bundle = ResourceBundle.getBundle("io.jenkins.plugins.ecsfargate.jenkins.Messages");
        Pattern named = Pattern.compile(
                "FormRules\\.(resourceName|cloudMapName|optionalUrl|absolutePath)\\([^\"]*\"([^\"]+)\"");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher matcher = named.matcher(Files.readString(file));
                while (matcher.find()) {
                    List<String> suffixes =
                            switch (matcher.group(1)) {
                                case "resourceName", "cloudMapName" -> List.of(".required", ".invalid");
                                case "optionalUrl" -> List.of(".invalid", ".plainHttp");
                                default -> List.of(".invalid");
                            };
                    suffixes.stream()
                            .map(suffix -> matcher.group(2) + suffix)
                            .filter(key -> !bundle.containsKey(key))
                            .forEach(missing::add);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyChoiceOfASelectHasItsLabel() {
        ResourceBundle bundle = ResourceBundle.getBundle("io.jenkins.plugins.ecsfargate.jenkins.Messages");
        for (Capacity capacity : Capacity.values()) {
            assertThat(bundle.containsKey("EcsAgentTemplate.capacity." + capacity.name()))
                    .isTrue();
        }
        for (OperatingSystem os : OperatingSystem.values()) {
            assertThat(bundle.containsKey("EcsAgentTemplate.operatingSystem." + os.name()))
                    .isTrue();
        }
        for (Architecture architecture : Architecture.values()) {
            assertThat(bundle.containsKey("EcsAgentTemplate.cpuArchitecture." + architecture.name()))
                    .isTrue();
        }
    }

    private static Path folder(Class<?> type) {
        return RESOURCES.resolve(type.getName().replace('.', '/').replace('$', '/'));
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            properties.load(reader);
        }
        return properties;
    }
}
