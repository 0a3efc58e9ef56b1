package io.jenkins.plugins.ecsfargate.e2e;

import io.jenkins.plugins.ecsfargate.emulator.AccountServices;
import io.jenkins.plugins.ecsfargate.emulator.AwsClients;
import io.jenkins.plugins.ecsfargate.emulator.EcsEmulator;
import io.jenkins.plugins.ecsfargate.emulator.EcsRateLimits;
import io.jenkins.plugins.ecsfargate.emulator.EcsService;
import io.jenkins.plugins.ecsfargate.emulator.EmulatedTask;
import io.jenkins.plugins.ecsfargate.emulator.EmulatorClock;
import io.jenkins.plugins.ecsfargate.emulator.FargateQuotas;
import io.jenkins.plugins.ecsfargate.emulator.IamAccount;
import io.jenkins.plugins.ecsfargate.emulator.LocalTaskRunner;
import io.jenkins.plugins.ecsfargate.emulator.StsService;
import io.jenkins.plugins.ecsfargate.engine.preflight.PermissionScope;
import io.jenkins.plugins.ecsfargate.engine.preflight.PolicyDocument;
import io.jenkins.plugins.ecsfargate.engine.preflight.RequiredPermissions;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * The AWS account of the seed setup, emulated in the test's process in real time (Fargate's latencies scaled down):
 * cluster {@value #CLUSTER} with FARGATE and FARGATE_SPOT, the controller's role {@code JenkinsRole} holding exactly
 * the policy the plugin computes, and the agents' execution role. Tasks are run by the emulator's local runner, so
 * each agent container is a real inbound agent process dialling the controller.
 */
final class E2eAws implements AutoCloseable {
    static final String ACCOUNT = IamAccount.DEFAULT_ACCOUNT_ID;
    static final String REGION = "us-east-1";
    static final String CLUSTER = "default-cluster";
    static final String EXECUTION_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/jenkins-agent-execution";
    static final String CONTROLLER_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/JenkinsRole";
    /** As the shipped CloudFormation policy grants them: every family of the cloud. */
    static final List<String> FAMILIES = List.of("jenkins_ecs-cloud_*");

    private static final String TRUST_ECS_TASKS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    final EcsEmulator emulator;
    final EcsService ecs;
    final AccountServices account;
    private final URI endpoint;

    private final LocalTaskRunner runner;
    private final AtomicInteger peakLiveTasks = new AtomicInteger();

    E2eAws(double timeScale, Path agentsDir) {
        EmulatorClock clock = EmulatorClock.system();
        emulator = new EcsEmulator(clock, 42L);
        ecs = new EcsService(clock, REGION, ACCOUNT, 42L);
        ecs.createCluster(
                CLUSTER, List.of(FargateQuotas.FARGATE, FargateQuotas.FARGATE_SPOT), Map.of(FargateQuotas.FARGATE, 1));
        ecs.latencies().setTimeScale(timeScale);
        emulator.register(ecs);
        account = AccountServices.create(clock, 42L).registerWith(emulator);
        EcsRateLimits.applyDefaults(emulator.rateLimits());
        account.iam().createRole("JenkinsRole", "/", TRUST_ECS_TASKS);
        account.iam().createRole("jenkins-agent-execution", "/", TRUST_ECS_TASKS);
        account.sts()
                .setCaller(new StsService.CallerIdentity(
                        ACCOUNT,
                        "arn:aws:sts::" + ACCOUNT + ":assumed-role/JenkinsRole/controller-task",
                        "AROAE2ECONTROLLER:controller-task"));
        PermissionScope scope = new PermissionScope(
                "aws", REGION, ACCOUNT, CLUSTER, FAMILIES, List.of(EXECUTION_ROLE), CONTROLLER_ROLE, null);
        account.iam().putRolePolicy("JenkinsRole", "ecs-fargate", PolicyDocument.render(RequiredPermissions.of(scope)));
        runner = LocalTaskRunner.attach(emulator, ecs, agentsDir);
        ecs.onTaskRunning(task -> peakLiveTasks.accumulateAndGet(ecs.liveTasks().size(), Math::max));
        endpoint = emulator.start();
    }

    /** The most tasks that were live at once when one of them reached RUNNING. */
    int peakLiveTasks() {
        return peakLiveTasks.get();
    }

    /** The task whose agent container runs the agent named {@code agent}. */
    EmulatedTask taskOfAgent(String agent) {
        return ecs.allTasks().stream()
                .filter(t -> t.env("JENKINS_AGENT_NAME").filter(agent::equals).isPresent())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no task runs agent " + agent));
    }

    /** The latest revision of {@code family}, as DescribeTaskDefinition answers any client. */
    TaskDefinition taskDefinition(String family) {
        try (EcsClient client = AwsClients.ecs(endpoint)) {
            return client.describeTaskDefinition(r -> r.taskDefinition(family)).taskDefinition();
        }
    }

    /** The task as DescribeTasks answers any client: what ECS recorded of its launch, overrides included. */
    Task describeTask(String taskArn) {
        try (EcsClient client = AwsClients.ecs(endpoint)) {
            return client.describeTasks(r -> r.cluster(CLUSTER).tasks(taskArn))
                    .tasks()
                    .get(0);
        }
    }

    URI endpoint() {
        return endpoint;
    }

    /** Calls the emulator received for {@code service:Operation} since the last {@link #resetCalls()}. */
    long calls(String operationKey) {
        return emulator.stats().calls(operationKey);
    }

    void resetCalls() {
        emulator.stats().reset();
    }

    /** Tasks not yet STOPPED. */
    List<EmulatedTask> liveTasks() {
        return ecs.liveTasks();
    }

    /** Credentials for the controller's default chain: the emulator checks signatures' form, not their keys. */
    static Map<String, String> controllerEnvironment() {
        return Map.of(
                "AWS_ACCESS_KEY_ID", "AKIAE2ECONTROLLER000",
                "AWS_SECRET_ACCESS_KEY", "e2e-not-a-secret",
                "AWS_REGION", REGION,
                "AWS_EC2_METADATA_DISABLED", "true");
    }

    @Override
    public void close() {
        emulator.close();
        runner.close();
    }
}
