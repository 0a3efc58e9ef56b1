package io.jenkins.plugins.ecsfargate.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every claim of the comparison with the amazon-ecs plugin names the test that backs it. This keeps those names
 * true: each named test class exists, and each named method is a method of it (a {@code ...method} reference
 * belongs to the class named before it in the same cell), so a renamed or deleted test breaks the build, not the
 * docs.
 */
class ComparisonDocTest {
    private static final Path DOC = Path.of("docs/comparison.md");
    private static final Path TESTS = Path.of("src/test/java/io/jenkins/plugins/ecsfargate");
    private static final Pattern CLASS_REFERENCE =
            Pattern.compile("`([a-z]+(?:/[a-z]+)*/[A-Z]\\w*)((?:\\.\\w+)?)`" + "(?: \\(((?:`\\w+`(?:, )?)+)\\))?");
    private static final Pattern CONTINUATION = Pattern.compile("`\\.\\.\\.(\\w+)`");
    private static final Pattern METHOD_LIST = Pattern.compile("`(\\w+)`");

    @Test
    void everyTestTheComparisonNamesExists() throws IOException {
        List<String> checked = new ArrayList<>();
        for (String line : Files.readAllLines(DOC)) {
            String lastClass = null;
            Matcher classes = CLASS_REFERENCE.matcher(line);
            int position = 0;
            while (classes.find(position)) {
                lastClass = classes.group(1);
                Path source = TESTS.resolve(lastClass + ".java");
                assertThat(source).as("test class named in the comparison").exists();
                String code = Files.readString(source);
                if (!classes.group(2).isEmpty()) {
                    assertMethod(code, lastClass, classes.group(2).substring(1));
                    checked.add(lastClass + classes.group(2));
                }
                if (classes.group(3) != null) {
                    Matcher methods = METHOD_LIST.matcher(classes.group(3));
                    while (methods.find()) {
                        assertMethod(code, lastClass, methods.group(1));
                        checked.add(lastClass + "." + methods.group(1));
                    }
                }
                checked.add(lastClass);
                int next = classes.end();
                Matcher continuation = CONTINUATION.matcher(line);
                continuation.region(next, line.length());
                while (continuation.find() && nextClassStart(line, next) > continuation.start()) {
                    assertMethod(code, lastClass, continuation.group(1));
                    checked.add(lastClass + "." + continuation.group(1));
                }
                position = next;
            }
        }
        assertThat(checked).as("references found in " + DOC).hasSizeGreaterThan(20);
    }

    private static int nextClassStart(String line, int from) {
        Matcher next = CLASS_REFERENCE.matcher(line);
        return next.find(from) ? next.start() : line.length();
    }

    private static void assertMethod(String code, String testClass, String method) {
        assertThat(code)
                .as("%s has a test method %s", testClass, method)
                .containsPattern("void " + Pattern.quote(method) + "\\(");
    }
}
