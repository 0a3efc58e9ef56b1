package io.jenkins.plugins.ecsfargate.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FamilyNamesTest {
    private static final Pattern ECS_FAMILY = Pattern.compile("[A-Za-z0-9_-]{1,255}");

    @Test
    void plainNamesStayReadable() {
        assertThat(FamilyNames.of("prod", "maven-jdk21")).isEqualTo("jenkins_prod_maven-jdk21");
    }

    @Test
    void replacedCharactersAddAHashSoNamesNeverCollide() {
        String dotted = FamilyNames.of("prod", "maven.jdk21");
        String dashed = FamilyNames.of("prod", "maven-jdk21");
        String underscored = FamilyNames.of("prod", "maven_jdk21");
        assertThat(dotted).startsWith("jenkins_prod_maven-jdk21_h").matches(ECS_FAMILY);
        assertThat(dotted).isNotEqualTo(dashed).isNotEqualTo(underscored);
        assertThat(underscored).isNotEqualTo(dashed);
    }

    @Test
    void theSeparatorIsUnambiguous() {
        assertThat(FamilyNames.of("a-b", "c")).isNotEqualTo(FamilyNames.of("a", "b-c"));
        assertThat(FamilyNames.of("a_b", "c")).isNotEqualTo(FamilyNames.of("a", "b_c"));
    }

    @Test
    void longNamesAreShortenedWithTheHashKept() {
        String longTemplate = "t".repeat(300);
        String family = FamilyNames.of("prod", longTemplate);
        assertThat(family).hasSize(FamilyNames.MAX_LENGTH).matches(ECS_FAMILY).contains("_h");
        assertThat(FamilyNames.of("prod", longTemplate + "x"))
                .isNotEqualTo(family)
                .hasSize(255);
    }

    @Test
    void unicodeIsReplaced() {
        assertThat(FamilyNames.of("prod", "bâtiment ☃")).matches(ECS_FAMILY).startsWith("jenkins_prod_b-timent--_h");
    }

    @Test
    void emptyNamesAreRefused() {
        assertThatThrownBy(() -> FamilyNames.of("", "t")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FamilyNames.of("c", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
