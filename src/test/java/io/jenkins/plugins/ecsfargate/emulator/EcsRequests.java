package io.jenkins.plugins.ecsfargate.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.CPUArchitecture;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ContainerOverride;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.OSFamily;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.RuntimePlatform;

/** Valid baseline requests for contract tests, which then break one rule at a time. */
final class EcsRequests {
    static final String SUBNET = "subnet-0123456789abcdef0";
    static final String SECURITY_GROUP = "sg-0123456789abcdef0";

    private EcsRequests() {}

    static RegisterTaskDefinitionRequest.Builder taskDefinition(String family) {
        return RegisterTaskDefinitionRequest.builder()
                .family(family)
                .requiresCompatibilities(Compatibility.FARGATE)
                .networkMode(NetworkMode.AWSVPC)
                .cpu("256")
                .memory("512")
                .containerDefinitions(ContainerDefinition.builder()
                        .name("agent")
                        .image("jenkins/inbound-agent:latest-jdk21")
                        .essential(true)
                        .build());
    }

    /** A Windows Server 2022 Core task definition for Fargate at its smallest size (1 vCPU, 2 GiB). */
    static RegisterTaskDefinitionRequest.Builder windowsTaskDefinition(String family) {
        return taskDefinition(family)
                .cpu("1024")
                .memory("2048")
                .runtimePlatform(RuntimePlatform.builder()
                        .operatingSystemFamily(OSFamily.WINDOWS_SERVER_2022_CORE)
                        .cpuArchitecture(CPUArchitecture.X86_64)
                        .build())
                .containerDefinitions(windowsAgent().build());
    }

    /** The Windows inbound agent container. */
    static ContainerDefinition.Builder windowsAgent() {
        return ContainerDefinition.builder()
                .name("agent")
                .image("jenkins/inbound-agent:windowsservercore-ltsc2022")
                .essential(true);
    }

    static CapacityProviderStrategyItem strategyItem(String provider, int weight, int base) {
        return CapacityProviderStrategyItem.builder()
                .capacityProvider(provider)
                .weight(weight)
                .base(base)
                .build();
    }

    static NetworkConfiguration network() {
        return NetworkConfiguration.builder()
                .awsvpcConfiguration(AwsVpcConfiguration.builder()
                        .subnets(SUBNET)
                        .securityGroups(SECURITY_GROUP)
                        .assignPublicIp(AssignPublicIp.DISABLED)
                        .build())
                .build();
    }

    /** A RunTask whose {@code agent} container gets {@code environment} and, if any is given, {@code command}. */
    static RunTaskRequest runAgent(String taskDefinition, Map<String, String> environment, String... command) {
        List<KeyValuePair> pairs = new ArrayList<>();
        environment.forEach((name, value) ->
                pairs.add(KeyValuePair.builder().name(name).value(value).build()));
        ContainerOverride.Builder agent =
                ContainerOverride.builder().name("agent").environment(pairs);
        if (command.length > 0) {
            agent.command(command);
        }
        return runTask(taskDefinition)
                .overrides(o -> o.containerOverrides(agent.build()))
                .build();
    }

    static RunTaskRequest.Builder runTask(String taskDefinition) {
        return RunTaskRequest.builder()
                .cluster("default")
                .taskDefinition(taskDefinition)
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(network());
    }
}
