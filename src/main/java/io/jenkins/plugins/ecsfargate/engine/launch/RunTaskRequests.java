package io.jenkins.plugins.ecsfargate.engine.launch;

import io.jenkins.plugins.ecsfargate.engine.spec.LaunchOverrides;
import io.jenkins.plugins.ecsfargate.engine.spec.OwnershipTags;
import io.jenkins.plugins.ecsfargate.engine.spec.TaskDefinitionRequests;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.ContainerOverride;
import software.amazon.awssdk.services.ecs.model.EphemeralStorage;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.PropagateTags;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.TaskOverride;

/** Builds the RunTask request for one agent on one capacity provider. */
final class RunTaskRequests {
    static final String FARGATE = "FARGATE";
    static final String FARGATE_SPOT = "FARGATE_SPOT";

    private RunTaskRequests() {}

    static RunTaskRequest build(
            LaunchSettings settings,
            OwnershipTags.Owner owner,
            AgentLaunch launch,
            String taskDefinitionArn,
            Map<String, String> agentEnvironment,
            String provider,
            String clientToken) {
        LaunchOverrides overrides = launch.overrides();
        ContainerOverride.Builder container = ContainerOverride.builder()
                .name(launch.spec().agent().name())
                .environment(TaskDefinitionRequests.keyValuePairs(agentEnvironment));
        if (!overrides.command().isEmpty()) {
            container.command(overrides.command());
        }
        TaskOverride.Builder task = TaskOverride.builder()
                .containerOverrides(container.build())
                .taskRoleArn(overrides.taskRoleArn())
                .executionRoleArn(overrides.executionRoleArn());
        if (overrides.cpu() != null) {
            task.cpu(overrides.cpu().toString());
        }
        if (overrides.memory() != null) {
            task.memory(overrides.memory().toString());
        }
        if (overrides.ephemeralStorageGiB() != null) {
            task.ephemeralStorage(EphemeralStorage.builder()
                    .sizeInGiB(overrides.ephemeralStorageGiB())
                    .build());
        }
        RunTaskRequest.Builder request = RunTaskRequest.builder()
                .cluster(settings.cluster())
                .taskDefinition(taskDefinitionArn)
                .count(1);
        if (FARGATE.equals(provider)) {
            // On-demand needs no capacity provider associated with the cluster when asked for as a launch type.
            request.launchType(LaunchType.FARGATE);
        } else {
            request.capacityProviderStrategy(CapacityProviderStrategyItem.builder()
                    .capacityProvider(provider)
                    .weight(1)
                    .build());
        }
        return request.platformVersion(settings.platformVersion())
                .networkConfiguration(NetworkConfiguration.builder()
                        .awsvpcConfiguration(AwsVpcConfiguration.builder()
                                .subnets(settings.subnets())
                                .securityGroups(settings.securityGroups())
                                .assignPublicIp(
                                        settings.assignPublicIp() ? AssignPublicIp.ENABLED : AssignPublicIp.DISABLED)
                                .build())
                        .build())
                .enableExecuteCommand(settings.enableExecuteCommand())
                .propagateTags(settings.propagateTags() ? PropagateTags.TASK_DEFINITION : PropagateTags.NONE)
                .startedBy(OwnershipTags.startedBy(owner))
                .tags(TaskDefinitionRequests.tags(OwnershipTags.forTask(owner, launch.template(), launch.agentName())))
                .clientToken(clientToken)
                .overrides(task.build())
                .build();
    }
}
