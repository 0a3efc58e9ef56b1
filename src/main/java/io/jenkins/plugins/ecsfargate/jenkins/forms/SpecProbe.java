package io.jenkins.plugins.ecsfargate.jenkins.forms;

import io.jenkins.plugins.ecsfargate.engine.launch.AgentConnection;
import io.jenkins.plugins.ecsfargate.engine.launch.CapacityMode;
import io.jenkins.plugins.ecsfargate.engine.launch.LaunchSettings;
import io.jenkins.plugins.ecsfargate.engine.launch.LaunchSettingsValidator;
import io.jenkins.plugins.ecsfargate.engine.spec.ContainerSpec;
import io.jenkins.plugins.ecsfargate.engine.spec.CpuArchitecture;
import io.jenkins.plugins.ecsfargate.engine.spec.OperatingSystemFamily;
import io.jenkins.plugins.ecsfargate.engine.spec.SpecValidator;
import io.jenkins.plugins.ecsfargate.engine.spec.TaskDefinitionSpec;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Asks the engine's {@link SpecValidator} (or {@link LaunchSettingsValidator}) about one value, by placing it in an otherwise valid spec: the form
 * then applies exactly the rule that registration applies, and the rule lives in one place. The form's words come
 * from the adapter's messages; only the verdict comes from here.
 */
final class SpecProbe {
    private static final String PROBE_ROLE = "arn:aws:iam::123456789012:role/probe";
    private static final String PROBE_SUBNET = "subnet-00000000";

    private SpecProbe() {}

    static boolean acceptsImage(String image) {
        return accepts(b -> b.agent(agent().image(image).build()), "agent.image");
    }

    static boolean acceptsRoleArn(String arn) {
        return accepts(b -> b.executionRoleArn(arn), "executionRoleArn");
    }

    static boolean acceptsSecretArn(String arn) {
        return accepts(
                b -> b.executionRoleArn(PROBE_ROLE)
                        .agent(agent().secrets(Map.of("PROBE", arn)).build()),
                "agent.secrets");
    }

    static boolean acceptsEnvironmentName(String name) {
        return accepts(b -> b.agent(agent().environment(Map.of(name, "")).build()), "agent.environment");
    }

    static boolean acceptsContainerName(String name) {
        ContainerSpec sidecar = ContainerSpec.builder(name, "busybox").build();
        return accepts(b -> b.sidecars(List.of(sidecar)), "sidecars[" + name + "].name");
    }

    static boolean acceptsUser(String user) {
        return acceptsUser(OperatingSystemFamily.LINUX, user);
    }

    static boolean acceptsUser(OperatingSystemFamily os, String user) {
        return accepts(b -> b.operatingSystem(os).agent(agent().user(user).build()), "agent.user");
    }

    static boolean acceptsInitProcess(OperatingSystemFamily os) {
        return accepts(
                b -> b.operatingSystem(os)
                        .agent(agent().initProcessEnabled(true).build()),
                "agent.initProcessEnabled");
    }

    static boolean acceptsArchitecture(OperatingSystemFamily os, CpuArchitecture architecture) {
        return accepts(b -> b.operatingSystem(os).architecture(architecture), "architecture");
    }

    /** An absolute path in a container of {@code os}, as the engine checks a working directory. */
    static boolean acceptsContainerPath(OperatingSystemFamily os, String path) {
        return accepts(
                b -> b.operatingSystem(os).agent(agent().workingDirectory(path).build()), "agent.workingDirectory");
    }

    static boolean acceptsTag(String key, String value) {
        return accepts(b -> b.tags(Map.of(key, value)), "tags");
    }

    static boolean acceptsEphemeralStorage(int gib) {
        return accepts(b -> b.ephemeralStorageGiB(gib), "ephemeralStorageGiB");
    }

    static boolean acceptsSubnets(List<String> ids) {
        return acceptsLaunch(LaunchSettings.of("probe", ids, List.of()), "subnets");
    }

    static boolean acceptsSecurityGroups(List<String> ids) {
        return acceptsLaunch(LaunchSettings.of("probe", List.of(PROBE_SUBNET), ids), "securityGroups");
    }

    static boolean acceptsPlatformVersion(String version) {
        return acceptsPlatformVersion(OperatingSystemFamily.LINUX, version);
    }

    static boolean acceptsPlatformVersion(OperatingSystemFamily os, String version) {
        return acceptsLaunch(
                LaunchSettings.of("probe", List.of(PROBE_SUBNET), List.of()).withPlatformVersion(version),
                os,
                "platformVersion");
    }

    static boolean acceptsCapacity(OperatingSystemFamily os, CapacityMode capacity) {
        return acceptsLaunch(
                LaunchSettings.of("probe", List.of(PROBE_SUBNET), List.of()).withCapacity(capacity), os, "capacity");
    }

    private static boolean acceptsLaunch(LaunchSettings settings, String field) {
        return acceptsLaunch(settings, OperatingSystemFamily.LINUX, field);
    }

    private static boolean acceptsLaunch(LaunchSettings settings, OperatingSystemFamily os, String field) {
        return LaunchSettingsValidator.validate(settings, AgentConnection.webSocket("https://jenkins.example.com/"), os)
                .stream()
                .noneMatch(p -> p.field().equals(field));
    }

    private static ContainerSpec.Builder agent() {
        return ContainerSpec.builder("agent", "jenkins/inbound-agent");
    }

    private static boolean accepts(UnaryOperator<TaskDefinitionSpec.Builder> change, String field) {
        TaskDefinitionSpec spec =
                change.apply(TaskDefinitionSpec.builder(agent().build())).build();
        return SpecValidator.validate(spec).stream().noneMatch(p -> p.field().equals(field));
    }
}
