package io.jenkins.plugins.ecsfargate.engine.spec;

import java.util.List;
import java.util.Map;

/** Valid specs to start tests from. */
public final class Specs {
    public static final String EXECUTION_ROLE = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole";
    public static final String TASK_ROLE = "arn:aws:iam::123456789012:role/jenkins-agent";
    public static final String SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:maven-token-AbCdEf";

    private Specs() {}

    /** The smallest valid spec: one agent container, defaults everywhere. */
    public static TaskDefinitionSpec minimal() {
        return TaskDefinitionSpec.builder(ContainerSpec.builder("agent", "jenkins/inbound-agent:latest-jdk21")
                        .build())
                .build();
    }

    /** A spec using every feature: sidecar, shared and EFS volumes, secrets, logs, ulimits. */
    public static TaskDefinitionSpec full() {
        ContainerSpec agent = ContainerSpec.builder("agent", "jenkins/inbound-agent:latest-jdk21")
                .environment(Map.of("B_VAR", "2", "A_VAR", "1"))
                .secrets(Map.of("MAVEN_TOKEN", SECRET))
                .workingDirectory("/home/jenkins/agent")
                .user("1000:1000")
                .initProcessEnabled(true)
                .stopTimeoutSeconds(60)
                .ulimits(List.of(new Ulimit("nproc", 2048, 4096), new Ulimit("nofile", 65536, 65536)))
                .mountPoints(
                        List.of(new MountPoint("cache", "/cache", false), new MountPoint("shared", "/shared", false)))
                .dependsOn(List.of(new ContainerDependency("docker", DependencyCondition.START)))
                .logSettings(LogSettings.awslogs("/ecs/jenkins", "us-east-1", "agent"))
                .build();
        ContainerSpec docker = ContainerSpec.builder("docker", "docker:27-dind")
                .essential(false)
                .mountPoints(List.of(new MountPoint("shared", "/shared", false)))
                .build();
        return TaskDefinitionSpec.builder(agent)
                .cpu(2048)
                .memory(8192)
                .architecture(CpuArchitecture.ARM64)
                .ephemeralStorageGiB(50)
                .executionRoleArn(EXECUTION_ROLE)
                .taskRoleArn(TASK_ROLE)
                .sidecars(List.of(docker))
                .volumes(List.of(
                        VolumeSpec.shared("shared"),
                        new VolumeSpec(
                                "cache",
                                new EfsVolume("fs-0123456789abcdef0", null, "fsap-0123456789abcdef0", true, true))))
                .tags(Map.of("team", "build"))
                .build();
    }

    /** A valid Windows Server 2022 Core spec: 1 vCPU, awslogs, a Windows work directory. */
    public static TaskDefinitionSpec windows() {
        ContainerSpec agent = ContainerSpec.builder("agent", "jenkins/inbound-agent:jdk21-windowsservercore-ltsc2022")
                .workingDirectory("C:/Users/jenkins/Work")
                .logSettings(LogSettings.awslogs("/ecs/jenkins", "us-east-1", "agent"))
                .build();
        return TaskDefinitionSpec.builder(agent)
                .operatingSystem(OperatingSystemFamily.WINDOWS_SERVER_2022_CORE)
                .executionRoleArn(EXECUTION_ROLE)
                .build();
    }
}
