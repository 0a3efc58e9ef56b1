package io.jenkins.plugins.ecsfargate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code Messages.properties} and the views' properties hold exactly the strings in use: no key the code or a view
 * names is missing, and no key is left over after its text moved or went away.
 */
class MessagesTest {
    private static final Path SOURCES = Path.of("src/main/java/io/jenkins/plugins/ecsfargate/jenkins");
    private static final Path RESOURCES = Path.of("src/main/resources/io/jenkins/plugins/ecsfargate/jenkins");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern KEY_SHAPE = Pattern.compile("[A-Z][A-Za-z]+\\.[a-z][A-Za-z]*(\\.[A-Za-z]+)*");
    private static final Pattern LOCALIZED = Pattern.compile("\\$\\{%([^}]+)}");
    private static final Pattern FORMAT_CALL = Pattern.compile("Messages\\.format\\(([^;]*)");

    private static Set<String> literals() throws IOException {
        Set<String> literals = new HashSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                addLiterals(Files.readString(file), literals);
            }
        }
        return literals;
    }

    /** The literals among the arguments of {@code Messages.format} calls: what the code asks the bundle for. */
    private static Set<String> formatArguments() throws IOException {
        Set<String> literals = new HashSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher call = FORMAT_CALL.matcher(Files.readString(file));
                while (call.find()) {
                    addLiterals(call.group(1), literals);
                }
            }
        }
        return literals;
    }

    private static void addLiterals(String text, Set<String> literals) {
        Matcher matcher = LITERAL.matcher(text);
        while (matcher.find()) {
            literals.add(matcher.group(1));
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            properties.load(reader);
        }
        return properties;
    }

    /** A key is used when the code names it, names its prefix ending in a dot, or hands its stem to a helper. */
    private static boolean used(String key, Set<String> literals) {
        if (literals.contains(key)) {
            return true;
        }
        int dot = key.lastIndexOf('.');
        return literals.contains(key.substring(0, dot))
                || literals.stream().anyMatch(l -> l.endsWith(".") && key.startsWith(l));
    }

    @Test
    void everyMessageKeyIsUsed() throws IOException {
        Set<String> literals = literals();
        Properties messages = load(RESOURCES.resolve("Messages.properties"));

        List<String> unused = new ArrayList<>();
        for (String key : new TreeSet<>(messages.stringPropertyNames())) {
            if (!used(key, literals)) {
                unused.add(key);
            }
        }

        assertThat(messages.stringPropertyNames()).hasSizeGreaterThan(50);
        assertThat(unused).isEmpty();
    }

    @Test
    void everyKeyTheCodeAsksForIsAMessage() throws IOException {
        Properties messages = load(RESOURCES.resolve("Messages.properties"));
        Set<String> classes = new HashSet<>();
        messages.stringPropertyNames().forEach(key -> classes.add(key.substring(0, key.indexOf('.'))));

        List<String> missing = formatArguments().stream()
                .filter(l -> KEY_SHAPE.matcher(l).matches())
                .filter(l -> classes.contains(l.substring(0, l.indexOf('.'))))
                .filter(l -> !messages.containsKey(l))
                .filter(l -> messages.stringPropertyNames().stream().noneMatch(k -> k.startsWith(l + ".")))
                .sorted()
                .toList();

        assertThat(missing).isEmpty();
    }

    @Test
    void everyViewPropertyIsShownByItsView() throws IOException {
        List<String> unused = new ArrayList<>();
        int views = 0;
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            for (Path jelly : files.filter(p -> p.toString().endsWith(".jelly")).toList()) {
                Path properties =
                        jelly.resolveSibling(jelly.getFileName().toString().replace(".jelly", ".properties"));
                if (!Files.exists(properties)) {
                    continue;
                }
                views++;
                Set<String> shown = new HashSet<>();
                Matcher matcher = LOCALIZED.matcher(Files.readString(jelly));
                while (matcher.find()) {
                    shown.add(matcher.group(1));
                }
                for (String key : load(properties).stringPropertyNames()) {
                    if (!shown.contains(key)) {
                        unused.add(RESOURCES.relativize(properties) + ": " + key);
                    }
                }
                assertThat(load(properties).stringPropertyNames())
                        .as("%s", RESOURCES.relativize(jelly))
                        .containsAll(shown);
            }
        }

        assertThat(views).as("views with properties, the agent page among them").isGreaterThan(5);
        assertThat(unused).isEmpty();
    }
}
