package io.jenkins.plugins.ecsfargate.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecHashTest {

    @Test
    void hashIsSha256HexOfTheCanonicalForm() {
        assertThat(SpecHash.of(Specs.full())).matches("[0-9a-f]{64}");
        assertThat(SpecHash.of(Specs.full())).isEqualTo(SpecHash.of(Specs.full()));
    }

    @Test
    void orderOfMapsListsAndSidecarsDoesNotChangeTheHash() {
        TaskDefinitionSpec full = Specs.full();
        Map<String, String> reversed = new LinkedHashMap<>();
        reversed.put("B_VAR", "2");
        reversed.put("A_VAR", "1");
        ContainerSpec agent = full.agent().toBuilder()
                .environment(reversed)
                .ulimits(List.of(
                        full.agent().ulimits().get(1), full.agent().ulimits().get(0)))
                .mountPoints(List.of(
                        full.agent().mountPoints().get(1),
                        full.agent().mountPoints().get(0)))
                .build();
        ContainerSpec extra = ContainerSpec.builder("aaa", "busybox").build();
        TaskDefinitionSpec one = full.toBuilder()
                .agent(agent)
                .sidecars(List.of(full.sidecars().get(0), extra))
                .build();
        TaskDefinitionSpec two = full.toBuilder()
                .sidecars(List.of(extra, full.sidecars().get(0)))
                .volumes(List.of(full.volumes().get(1), full.volumes().get(0)))
                .build();
        assertThat(one).isEqualTo(two);
        assertThat(SpecHash.of(one)).isEqualTo(SpecHash.of(two));
    }

    @Test
    void everyFieldChangesTheHash() {
        TaskDefinitionSpec base = Specs.full();
        ContainerSpec agent = base.agent();
        List<TaskDefinitionSpec> variants = List.of(
                base.toBuilder().cpu(4096).build(),
                base.toBuilder().memory(9216).build(),
                base.toBuilder().architecture(CpuArchitecture.X86_64).build(),
                base.toBuilder()
                        .operatingSystem(OperatingSystemFamily.WINDOWS_SERVER_2019_CORE)
                        .build(),
                base.toBuilder().ephemeralStorageGiB(21).build(),
                base.toBuilder().executionRoleArn(Specs.TASK_ROLE).build(),
                base.toBuilder().taskRoleArn(null).build(),
                base.toBuilder().tags(Map.of()).build(),
                base.toBuilder().volumes(List.of()).build(),
                base.toBuilder().sidecars(List.of()).build(),
                base.toBuilder()
                        .agent(agent.toBuilder()
                                .image("jenkins/inbound-agent:jdk17")
                                .build())
                        .build(),
                base.toBuilder()
                        .agent(agent.toBuilder().essential(false).build())
                        .build(),
                base.toBuilder()
                        .agent(agent.toBuilder().command(List.of("-x")).build())
                        .build(),
                base.toBuilder()
                        .agent(agent.toBuilder().environment(Map.of()).build())
                        .build(),
                base.toBuilder()
                        .agent(agent.toBuilder().secrets(Map.of()).build())
                        .build(),
                base.toBuilder()
                        .agent(agent.toBuilder().workingDirectory("/w").build())
                        .build(),
                base.toBuilder().agent(agent.toBuilder().user("root").build()).build(),
                base.toBuilder()
                        .agent(agent.toBuilder().initProcessEnabled(false).build())
                        .build(),
                base.toBuilder()
                        .agent(agent.toBuilder().stopTimeoutSeconds(30).build())
                        .build(),
                base.toBuilder()
                        .agent(agent.toBuilder().ulimits(List.of()).build())
                        .build(),
                base.toBuilder()
                        .agent(agent.toBuilder().mountPoints(List.of()).build())
                        .build(),
                base.toBuilder()
                        .agent(agent.toBuilder().dependsOn(List.of()).build())
                        .build(),
                base.toBuilder()
                        .agent(agent.toBuilder().logSettings(null).build())
                        .build());
        List<String> hashes = variants.stream().map(SpecHash::of).toList();
        assertThat(hashes).doesNotHaveDuplicates().doesNotContain(SpecHash.of(base));
    }

    @Test
    void canonicalFormWritesDefaultsExplicitly() {
        String canonical = SpecHash.canonicalForm(Specs.minimal());
        assertThat(canonical)
                .startsWith("{\"format\":1,\"cpu\":1024,\"memory\":2048,\"architecture\":\"X86_64\","
                        + "\"ephemeralStorageGiB\":20,\"executionRoleArn\":null,\"taskRoleArn\":null,")
                .contains("\"essential\":true", "\"stopTimeoutSeconds\":30", "\"initProcessEnabled\":false");
    }

    @Test
    void linuxSpecsKeepTheCanonicalFormTheyHadBeforeWindowsExisted() {
        assertThat(SpecHash.canonicalForm(Specs.minimal())).doesNotContain("operatingSystem");
        assertThat(SpecHash.canonicalForm(Specs.windows()))
                .contains("\"architecture\":\"X86_64\",\"operatingSystem\":\"WINDOWS_SERVER_2022_CORE\",");
        assertThat(SpecHash.of(Specs.windows()))
                .isNotEqualTo(SpecHash.of(Specs.windows().toBuilder()
                        .operatingSystem(OperatingSystemFamily.WINDOWS_SERVER_2022_FULL)
                        .build()));
    }

    @Test
    void canonicalFormEscapesStrings() {
        ContainerSpec agent = Specs.minimal().agent().toBuilder()
                .environment(Map.of("Q", "a\"b\\c\n"))
                .build();
        assertThat(SpecHash.canonicalForm(
                        Specs.minimal().toBuilder().agent(agent).build()))
                .contains("\"Q\":\"a\\\"b\\\\c\\u000a\"");
    }

    @Test
    void toStringNeverShowsEnvironmentValues() {
        ContainerSpec agent = Specs.minimal().agent().toBuilder()
                .environment(Map.of("PASSWORD", "hunter2"))
                .build();
        assertThat(agent.toString()).contains("PASSWORD").doesNotContain("hunter2");
        assertThat(LaunchOverrides.NONE
                        .withEnvironment(Map.of("PASSWORD", "hunter2"))
                        .toString())
                .contains("PASSWORD")
                .doesNotContain("hunter2");
    }
}
