package io.jenkins.plugins.ecsfargate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.ecsfargate.emulator.EmulatedTask;
import io.jenkins.plugins.ecsfargate.emulator.TaskFault;
import io.jenkins.plugins.ecsfargate.engine.EngineTuning;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ContainerOverride;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * The plugin in a real Jenkins: the given war with this .hpi, the emulator standing in for AWS with its local task
 * runner (each task's agent container is a real {@code agent.jar} process dialling the controller over WebSocket),
 * and an administrator's browser. The tests build on each other in order, as one administrator's day would: the
 * cloud is configured through its form, then builds run on it, then a Windows template is added and used, then the
 * controller restarts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FargateEndToEndIT {
    private static final String CLOUD = "ecs-cloud";
    private static final String LABEL = "ecs";
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(4);
    private static final Pattern RUNNING_ON =
            Pattern.compile("(?:Running on|Building remotely on) (" + CLOUD + "-[\\w-]+)");
    private static final String SUBNETS = "subnet-0a1b2c3d4e5f60001,subnet-0a1b2c3d4e5f60002";
    private static final String SECURITY_GROUP = "sg-0123456789abcdef0";
    private static final String LOG_GROUP = "ECSLogGroup-jenkins-for-ecs-with-agents";

    private E2eInputs inputs;
    private E2eAws aws;
    private JenkinsController jenkins;
    private JenkinsHttp http;
    private Browser browser;
    private CloudFormPage form;

    /** A failed test leaves the page it was on (screenshot and HTML) and its stack trace in the output folder. */
    @RegisterExtension
    final TestWatcher evidence = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            String name = "failed-" + context.getRequiredTestMethod().getName();
            try {
                StringWriter trace = new StringWriter();
                cause.printStackTrace(new PrintWriter(trace));
                Files.writeString(inputs.output().resolve(name + ".txt"), trace.toString(), StandardCharsets.UTF_8);
                if (browser != null) {
                    Files.writeString(
                            inputs.output().resolve(name + ".html"),
                            browser.driver.getPageSource(),
                            StandardCharsets.UTF_8);
                    browser.screenshot(name);
                }
            } catch (IOException | RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
    };

    @BeforeAll
    void start() throws Exception {
        inputs = E2eInputs.fromSystemProperties();
        aws = new E2eAws(0.05, inputs.output().resolve("agents"));
        jenkins = new JenkinsController(inputs, E2eAws.controllerEnvironment());
        jenkins.start();
        http = new JenkinsHttp(jenkins.url());
        browser = new Browser(inputs.output());
        form = new CloudFormPage(browser, jenkins.url());
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (jenkins != null) {
            jenkins.stop();
        }
        if (aws != null) {
            aws.close();
        }
    }

    @Test
    @Order(1)
    void anAdministratorConfiguresTheSeedCloudThroughTheForm() throws Exception {
        form.newCloud(CLOUD);
        SearchContext cloud = form.cloud();
        form.expandAdvanced(cloud);
        form.type(cloud, "endpoint", aws.endpoint().toString());
        form.select(cloud, "region", E2eAws.REGION);
        form.select(cloud, "cluster", E2eAws.CLUSTER);
        form.awaitValid(cloud, "cluster");
        form.type(cloud, "maxAgents", "5");
        Map<String, String> cloudErrors = rejectsBadValues(
                cloud,
                "01-cloud-validation",
                List.of(
                        new BadValue("name", "ecs cloud!", CLOUD),
                        new BadValue("roleArn", "JenkinsRole", ""),
                        new BadValue(
                                "endpoint", "ftp://emulator", aws.endpoint().toString()),
                        new BadValue("jenkinsUrl", "jenkins.example.com", ""),
                        new BadValue("maxAgents", "-1", "5"),
                        new BadValue("maxVcpus", "-1", "0")));

        form.addTemplate();
        SearchContext template = form.template();
        form.expandAdvanced(template);
        form.type(template, "name", "jenkins-agent");
        form.type(template, "labelString", LABEL);
        form.type(template, "image", "jenkins/inbound-agent:alpine");
        form.type(template, "cpu", "1024");
        form.type(template, "memory", "2048");
        form.type(template, "subnets", SUBNETS);
        form.type(template, "securityGroups", SECURITY_GROUP);
        form.select(template, "capacity", "FARGATE");
        form.type(template, "executionRoleArn", E2eAws.EXECUTION_ROLE);
        form.checkOptionalBlock(template);
        form.type(template, "group", LOG_GROUP);
        form.type(template, "streamPrefix", "jenkins-agent");
        Map<String, String> templateErrors = rejectsBadValues(
                template,
                "02-template-validation",
                List.of(
                        new BadValue("name", "jenkins agent!", "jenkins-agent"),
                        new BadValue("labelString", "ecs&&linux", LABEL),
                        new BadValue("image", "https://registry/jenkins", "jenkins/inbound-agent:alpine"),
                        new BadValue("memory", "100", "2048"),
                        new BadValue("cpu", "1000", "1024"),
                        new BadValue("subnets", "private-a", SUBNETS),
                        new BadValue("securityGroups", "agents", SECURITY_GROUP),
                        new BadValue("executionRoleArn", "jenkins-agent-execution", E2eAws.EXECUTION_ROLE),
                        new BadValue("taskRoleArn", "agent-role", ""),
                        new BadValue("ephemeralStorageGiB", "5", "20"),
                        new BadValue("agentWorkDir", "agent", "/home/jenkins/agent"),
                        new BadValue("maxAgents", "-1", "0"),
                        new BadValue("startTimeoutSeconds", "1", "300"),
                        new BadValue("connectTimeoutSeconds", "1", "120"),
                        new BadValue("numExecutors", "0", "1")));
        writeReport("validation-messages.txt", cloudErrors, templateErrors);

        String check = form.validateButton("Check configuration");
        browser.screenshot("03-check-configuration");
        assertThat(check).as("the preflight report").contains("class=\"ok\"").doesNotContain("class=\"error\"");
        form.save();

        form.open(CLOUD);
        String saved = form.validateButton("Check configuration");
        browser.screenshot("04-check-configuration-saved");
        assertThat(saved)
                .as("the preflight report of the saved cloud, its roles included")
                .contains("class=\"ok\"")
                .doesNotContain("class=\"error\"")
                .contains(E2eAws.EXECUTION_ROLE);

        String config = Files.readString(jenkins.home().resolve("config.xml"), StandardCharsets.UTF_8);
        assertThat(config)
                .contains("<io.jenkins.plugins.ecsfargate.jenkins.EcsCloud")
                .contains(E2eAws.CLUSTER)
                .contains("jenkins/inbound-agent:alpine")
                .contains(LOG_GROUP);
    }

    @Test
    @Order(2)
    void theSeedPipelineRunsOnAFargateAgentThatIsGoneAfterwards() throws Exception {
        aws.resetCalls();
        http.createJob("seed-pipeline", Jobs.pipeline(LABEL));
        String agent = runToSuccess("seed-pipeline");
        assertThat(agent).startsWith(CLOUD + "-");
        awaitNoAgentsAndNoTasks();
        assertThat(aws.calls("ecs:RegisterTaskDefinition")).isEqualTo(1);
        assertThat(aws.calls("ecs:RunTask")).isEqualTo(1);
        assertThat(aws.calls("ecs:StopTask")).isEqualTo(1);
    }

    @Test
    @Order(3)
    void aFreestyleJobOnTheLabelDoesTheSameAndRegistersNothing() throws Exception {
        aws.resetCalls();
        http.createJob("seed-freestyle", Jobs.freestyle(LABEL, "echo '" + Jobs.HELLO + "'"));
        runToSuccess("seed-freestyle");
        awaitNoAgentsAndNoTasks();
        assertThat(aws.calls("ecs:RegisterTaskDefinition")).isZero();
        assertThat(aws.calls("ecs:RunTask")).isEqualTo(1);
        assertThat(aws.calls("ecs:StopTask")).isEqualTo(1);
    }

    @Test
    @Order(4)
    void fiveBuildsAtOnceGetFiveAgentsWithinTheCap() throws Exception {
        aws.resetCalls();
        List<String> jobs = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String job = "burst-" + i;
            http.createJob(job, Jobs.freestyle(LABEL, "echo '" + Jobs.HELLO + "'; sleep 5"));
            jobs.add(job);
        }
        Map<String, Long> queued = new LinkedHashMap<>();
        for (String job : jobs) {
            queued.put(job, http.build(job));
        }
        Set<String> agents = new TreeSet<>();
        for (Map.Entry<String, Long> item : queued.entrySet()) {
            int number = http.awaitStarted(item.getValue(), BUILD_TIMEOUT);
            assertThat(http.awaitResult(item.getKey(), number, BUILD_TIMEOUT)).isEqualTo("SUCCESS");
            agents.add(agentOf(http.console(item.getKey(), number)));
        }
        assertThat(agents).hasSize(5);
        awaitNoAgentsAndNoTasks();
        assertThat(aws.calls("ecs:RunTask")).isEqualTo(5);
        assertThat(aws.calls("ecs:RegisterTaskDefinition")).isZero();
        assertThat(aws.peakLiveTasks()).isLessThanOrEqualTo(5);
    }

    @Test
    @Order(5)
    void theAgentPageShowsTheTaskItsPhasesAndWhyItStopped() throws Exception {
        http.createJob("long-build", Jobs.freestyle(LABEL, "echo started; sleep 600"));
        long item = http.build("long-build");
        int number = http.awaitStarted(item, BUILD_TIMEOUT);
        String agent = JenkinsHttp.await(
                () -> agentOfOrNull(http.console("long-build", number)),
                a -> a != null,
                BUILD_TIMEOUT,
                "long-build to run on an agent");
        // The build may start before the tracker's next DescribeTasks: the page's status catches up within seconds.
        String page = JenkinsHttp.await(
                () -> {
                    browser.open(
                            jenkins.url().resolve("computer/" + agent + "/").toString());
                    return browser.find(By.id("main-panel")).getText();
                },
                text -> text.contains("Status RUNNING"),
                Duration.ofSeconds(30),
                "the agent page to show the task RUNNING");
        browser.screenshot("05-agent-page-running");
        EmulatedTask task = aws.taskOfAgent(agent);
        assertThat(page).contains(task.taskArn()).contains(E2eAws.CLUSTER).contains("RUNNING");

        aws.ecs.interruptSpot(task.taskArn());
        assertThat(http.awaitResult("long-build", number, BUILD_TIMEOUT)).isNotEqualTo("SUCCESS");
        awaitNoTasks();
        JenkinsHttp.await(
                () -> Files.readString(jenkins.log(), StandardCharsets.UTF_8),
                log -> log.contains("Task of agent " + agent + " stopped (SpotInterruption: " + TaskFault.SPOT_REASON),
                Duration.ofMinutes(3),
                "the interruption of " + agent + " in the controller's log");
    }

    @Test
    @Order(6)
    void anImageThatCannotBePulledCancelsTheWaitingBuildWithTheReason() throws Exception {
        form.open(CLOUD);
        form.addTemplate();
        SearchContext broken = form.template();
        form.type(broken, "name", "broken-image");
        form.type(broken, "labelString", "ecs-broken");
        form.type(broken, "image", "registry.example.com/missing/agent:1");
        form.type(broken, "subnets", SUBNETS);
        form.type(broken, "securityGroups", SECURITY_GROUP);
        form.type(broken, "executionRoleArn", E2eAws.EXECUTION_ROLE);
        form.save();
        aws.resetCalls();
        aws.ecs.taskFaults().forImage("registry.example.com/missing/agent:1", TaskFault.cannotPullContainer());

        http.createJob("broken-pipeline", Jobs.pipeline("ecs-broken"));
        long item = http.build("broken-pipeline");
        int number = http.awaitStarted(item, BUILD_TIMEOUT);
        String result = http.awaitResult("broken-pipeline", number, BUILD_TIMEOUT);
        String console = http.console("broken-pipeline", number);
        Files.writeString(inputs.output().resolve("broken-pipeline-console.txt"), console);
        assertThat(result).isIn("FAILURE", "ABORTED");
        assertThat(console).contains("CannotPullContainerError");
        long launches = aws.calls("ecs:RunTask");
        assertThat(launches)
                .as("launches before the template's circuit breaker pauses it")
                .isBetween(1L, (long) EngineTuning.defaults().breakerThreshold());
        TimeUnit.SECONDS.sleep(30);
        assertThat(aws.calls("ecs:RunTask")).as("no relaunch loop").isEqualTo(launches);
        awaitNoTasks();

        String failed = aws.ecs.allTasks().stream()
                .filter(t -> t.family().endsWith("broken-image"))
                .map(t -> t.env("JENKINS_AGENT_NAME").orElseThrow())
                .findFirst()
                .orElseThrow();
        browser.open(jenkins.url().resolve("computer/" + failed + "/").toString());
        String page = browser.find(By.id("main-panel")).getText();
        browser.screenshot("06-agent-page-stopped");
        assertThat(page).as("the failed agent's page").contains("STOPPED").contains("CannotPullContainerError");
    }

    @Test
    @Order(7)
    void aWindowsTemplateAddedThroughTheFormRunsItsPipelineOnWindowsServer2022() throws Exception {
        WindowsTemplateForm.Messages said =
                new WindowsTemplateForm(form, browser).addTo(CLOUD, SUBNETS, SECURITY_GROUP, E2eAws.EXECUTION_ROLE);
        assertThat(said.cpu()).as("CPU 512 on Windows").contains("1024, 2048 or 4096");
        assertThat(said.capacity()).as("Spot on Windows").contains("Fargate Spot runs no Windows tasks");
        assertThat(said.image()).as("the empty image").contains(WindowsTemplateForm.DEFAULT_IMAGE);
        assertThat(said.savedOperatingSystem()).isEqualTo(WindowsTemplateForm.OPERATING_SYSTEM);

        aws.resetCalls();
        http.createJob("windows-pipeline", Jobs.pipeline(WindowsTemplateForm.LABEL));
        String agent = runToSuccess("windows-pipeline");
        assertThat(agent).startsWith(CLOUD + "-");
        String taskArn = aws.taskOfAgent(agent).taskArn();
        awaitNoAgentsAndNoTasks();

        TaskDefinition definition = aws.taskDefinition("jenkins_ecs-cloud_windows");
        assertThat(definition.runtimePlatform().operatingSystemFamilyAsString()).isEqualTo("WINDOWS_SERVER_2022_CORE");
        assertThat(definition.containerDefinitions())
                .extracting(ContainerDefinition::image)
                .containsExactly(WindowsTemplateForm.DEFAULT_IMAGE);
        Task task = aws.describeTask(taskArn);
        assertThat(task.taskDefinitionArn()).isEqualTo(definition.taskDefinitionArn());
        assertThat(task.platformVersion()).isEqualTo("1.0.0");
        assertThat(task.lastStatus()).isEqualTo("STOPPED");
        assertThat(task.overrides().containerOverrides())
                .flatExtracting(ContainerOverride::environment)
                .contains(KeyValuePair.builder()
                        .name("JENKINS_AGENT_WORKDIR")
                        .value("C:/Users/jenkins/Work")
                        .build());
        assertThat(aws.calls("ecs:RunTask")).isEqualTo(1);
    }

    @Test
    @Order(8)
    void afterARestartTheCloudIsIntactAndTheOrphanedTaskEnds() throws Exception {
        String before = cloudSection(Files.readString(jenkins.home().resolve("config.xml"), StandardCharsets.UTF_8));
        http.createJob("orphan-maker", Jobs.freestyle(LABEL, "sleep 600"));
        long item = http.build("orphan-maker");
        http.awaitStarted(item, BUILD_TIMEOUT);
        EmulatedTask orphan = JenkinsHttp.await(
                () -> aws.liveTasks().stream()
                        .filter(t -> "RUNNING".equals(t.lastStatus()))
                        .findFirst()
                        .orElse(null),
                t -> t != null,
                BUILD_TIMEOUT,
                "the build's task to run");
        jenkins.kill();
        aws.resetCalls();
        jenkins.start();
        // The job's queued or restarted work would start a new agent that sleeps; only the orphan is studied here.
        http.post("job/orphan-maker/doDelete", "", "text/plain");

        String after = cloudSection(Files.readString(jenkins.home().resolve("config.xml"), StandardCharsets.UTF_8));
        assertThat(after).isEqualTo(before);
        form.open(CLOUD);
        browser.screenshot("07-cloud-form-after-restart");
        assertThat(form.field(form.cloud(), "cluster").getAttribute("value")).isEqualTo(E2eAws.CLUSTER);
        JenkinsHttp.await(
                () -> aws.ecs.task(orphan.taskArn()).orElseThrow(),
                t -> "STOPPED".equals(t.lastStatus()),
                Duration.ofMinutes(3),
                "the orphaned task to end");
        String log = Files.readString(jenkins.log(), StandardCharsets.UTF_8);
        assertThat(log).doesNotContain("ForbiddenClassException").doesNotContain("Failed Loading plugin");
        awaitNoAgentsAndNoTasks();
    }

    private record BadValue(String field, String bad, String good) {}

    /** Each field rejects its bad value with a message, and accepts the good one; answers the messages seen. */
    private Map<String, String> rejectsBadValues(SearchContext scope, String screenshot, List<BadValue> values)
            throws IOException {
        Map<String, String> messages = new LinkedHashMap<>();
        for (BadValue value : values) {
            form.type(scope, value.field(), value.bad());
            messages.put(value.field() + " = " + value.bad(), form.awaitError(scope, value.field()));
        }
        browser.screenshot(screenshot);
        for (BadValue value : values) {
            form.type(scope, value.field(), value.good());
            form.awaitValid(scope, value.field());
        }
        return messages;
    }

    private void writeReport(String name, Map<String, String> cloud, Map<String, String> template) throws IOException {
        StringBuilder report = new StringBuilder();
        cloud.forEach((k, v) ->
                report.append("cloud ").append(k).append(" -> ").append(v).append('\n'));
        template.forEach((k, v) ->
                report.append("template ").append(k).append(" -> ").append(v).append('\n'));
        Files.writeString(inputs.output().resolve(name), report.toString(), StandardCharsets.UTF_8);
    }

    /** Builds {@code job} once, expects SUCCESS with the echo, and answers the agent it ran on. */
    private String runToSuccess(String job) throws Exception {
        long item = http.build(job);
        int number = http.awaitStarted(item, BUILD_TIMEOUT);
        String result = http.awaitResult(job, number, BUILD_TIMEOUT);
        String console = http.console(job, number);
        Files.writeString(inputs.output().resolve(job + "-console.txt"), console, StandardCharsets.UTF_8);
        assertThat(result).as(console).isEqualTo("SUCCESS");
        assertThat(console).contains(Jobs.HELLO);
        return agentOf(console);
    }

    private static String agentOf(String console) {
        String agent = agentOfOrNull(console);
        assertThat(agent).as("the agent named in:\n" + console).isNotNull();
        return agent;
    }

    private static String agentOfOrNull(String console) {
        Matcher m = RUNNING_ON.matcher(console);
        return m.find() ? m.group(1) : null;
    }

    private void awaitNoAgentsAndNoTasks() throws Exception {
        awaitNoTasks();
        JenkinsHttp.await(http::agents, List::isEmpty, Duration.ofMinutes(3), "every agent node to be removed");
    }

    private void awaitNoTasks() throws Exception {
        JenkinsHttp.await(aws::liveTasks, List::isEmpty, Duration.ofMinutes(3), "no task of ours to be running");
    }

    private static String cloudSection(String config) {
        int start = config.indexOf("<io.jenkins.plugins.ecsfargate.jenkins.EcsCloud");
        int end = config.indexOf("</io.jenkins.plugins.ecsfargate.jenkins.EcsCloud>");
        assertThat(start).as("the cloud in config.xml").isNotNegative();
        return config.substring(start, end);
    }
}
