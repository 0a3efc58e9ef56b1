package io.jenkins.plugins.ecsfargate.jenkins.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.util.FormValidation;
import hudson.util.FormValidation.Kind;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.ecsfargate.jenkins.EcsAgentTemplate;
import io.jenkins.plugins.ecsfargate.jenkins.EcsCloud;
import io.jenkins.plugins.ecsfargate.jenkins.config.AwsLogs;
import io.jenkins.plugins.ecsfargate.jenkins.config.Capacity;
import io.jenkins.plugins.ecsfargate.jenkins.config.OperatingSystem;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

/** The cloud form's AWS-backed lists and buttons, against the emulator. */
class CloudFormsTest {
    private static final String EXECUTION_ROLE = "arn:aws:iam::123456789012:role/jenkins-agent-execution";

    private final FormEmulator aws = new FormEmulator();
    private final FormsRuntime admin =
            FormsRuntime.administrator().withAccessKey("aws-key", "AKIAEXAMPLE", "secret-value");
    private final FormsRuntime reader = FormsRuntime.reader().withAccessKey("aws-key", "AKIAEXAMPLE", "secret-value");

    @AfterEach
    void stopEmulator() {
        aws.close();
    }

    private EcsCloud.DescriptorImpl cloudForm(FormsRuntime runtime) {
        return new EcsCloud.DescriptorImpl(runtime);
    }

    @Test
    void listsEveryClusterAcrossPagesSortedWithTheCurrentOneSelected() {
        ListBoxModel clusters =
                cloudForm(admin).doFillClusterItems("us-east-1", "aws-key", "", "", aws.endpoint(), "default-cluster");

        assertThat(clusters).extracting(o -> o.value).containsExactly("build", "default-cluster", "spot-cluster");
        assertThat(clusters)
                .filteredOn(o -> o.selected)
                .extracting(o -> o.value)
                .containsExactly("default-cluster");
        assertThat(aws.calls("ListClusters")).isEqualTo(2);
    }

    @Test
    void keepsTheCurrentClusterWhenAwsCannotBeAsked() {
        ListBoxModel missingKey =
                cloudForm(admin).doFillClusterItems("us-east-1", "gone", "", "", aws.endpoint(), "prod");
        ListBoxModel unreachable =
                cloudForm(admin).doFillClusterItems("us-east-1", "aws-key", "", "", "http://127.0.0.1:1", "prod");

        assertThat(missingKey).extracting(o -> o.value).containsExactly("prod");
        assertThat(unreachable).extracting(o -> o.value).containsExactly("prod");
        assertThat(aws.calls()).isZero();
    }

    @Test
    void aReaderCannotListClustersAndTriggersNoCall() {
        assertThatThrownBy(
                        () -> cloudForm(reader).doFillClusterItems("us-east-1", "aws-key", "", "", aws.endpoint(), ""))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(aws.calls()).isZero();
        assertThat(reader.credentialReads()).isZero();
    }

    @Test
    void listsCredentialsForAdministratorsAndOnlyTheCurrentValueForOthers() {
        ListBoxModel forAdmin = cloudForm(admin).doFillCredentialsIdItems("aws-key");
        ListBoxModel forReader = cloudForm(reader).doFillCredentialsIdItems("aws-key");

        assertThat(forAdmin).extracting(o -> o.value).containsExactly("", "aws-key");
        assertThat(admin.credentialReads()).isPositive();
        assertThat(forReader).extracting(o -> o.value).containsExactly("aws-key");
        assertThat(reader.credentialReads()).isZero();
    }

    @Test
    void checksTheCredentialForAdministratorsOnly() {
        EcsCloud.DescriptorImpl form = cloudForm(admin);
        assertThat(form.doCheckCredentialsId("aws-key").getMessage()).contains("AKIAEXAMPLE");
        assertThat(form.doCheckCredentialsId("aws-key").getMessage()).doesNotContain("secret-value");
        assertThat(form.doCheckCredentialsId("gone").kind).isEqualTo(Kind.ERROR);
        assertThat(form.doCheckCredentialsId("").getMessage()).contains("default");
        admin.withAccessKey("half", "", "secret-value");
        assertThat(form.doCheckCredentialsId("half").kind).isEqualTo(Kind.ERROR);

        assertThat(cloudForm(reader).doCheckCredentialsId("gone").kind).isEqualTo(Kind.OK);
        assertThat(reader.credentialReads()).isZero();
    }

    @Test
    void checkConfigurationRunsThePreflightAndListsItsFindings() {
        FormValidation result = cloudForm(admin)
                .doCheckConfiguration("ecs-cloud", "us-east-1", "aws-key", "", "", "default-cluster", aws.endpoint());

        assertThat(result.getMessage())
                .contains("Authenticated as " + FormEmulator.CALLER)
                .contains("<li>")
                .contains("Save the cloud");
        assertThat(aws.calls("GetCallerIdentity")).isEqualTo(1);
        assertThat(aws.calls("DescribeClusters")).isPositive();
    }

    @Test
    void checkConfigurationNamesAMissingClusterWithoutCallingAws() {
        FormValidation result =
                cloudForm(admin).doCheckConfiguration("ecs-cloud", "us-east-1", "aws-key", "", "", "", aws.endpoint());

        assertThat(result.kind).isEqualTo(Kind.ERROR);
        assertThat(result.getMessage()).contains("cluster");
        assertThat(aws.calls()).isZero();
    }

    @Test
    void checkConfigurationUsesTheSavedTemplatesAndEscapesWhatAwsSays() {
        EcsCloud saved = new EcsCloud("ecs-cloud");
        EcsAgentTemplate spot = new EcsAgentTemplate("jenkins-agent");
        spot.setCapacity(Capacity.FARGATE_SPOT);
        saved.setTemplates(List.of(spot));
        admin.withCloud(saved);

        FormValidation result = cloudForm(admin)
                .doCheckConfiguration("ecs-cloud", "us-east-1", "aws-key", "", "", "default-cluster", aws.endpoint());

        assertThat(result.kind).isEqualTo(Kind.ERROR);
        assertThat(result.getMessage()).contains("FARGATE_SPOT").doesNotContain("Save the cloud");
    }

    @Test
    void checkConfigurationSendsLogsToTheCloudsRegionWhenTheTemplateNamesNone() {
        EcsCloud saved = new EcsCloud("ecs-cloud");
        EcsAgentTemplate template = new EcsAgentTemplate("jenkins-agent");
        template.setSubnets("subnet-0a1b2c3d");
        template.setExecutionRoleArn(EXECUTION_ROLE);
        template.setLogs(new AwsLogs("ECSLogGroup-jenkins", "", "jenkins-agent"));
        saved.setTemplates(List.of(template));
        admin.withCloud(saved);

        FormValidation result = cloudForm(admin)
                .doCheckConfiguration("ecs-cloud", "us-east-1", "aws-key", "", "", "default-cluster", aws.endpoint());

        assertThat(result.getMessage())
                .contains("Authenticated as " + FormEmulator.CALLER)
                .doesNotContain("Template &#39;jenkins-agent&#39;");
    }

    @Test
    void checkConfigurationReportsWhatEachTemplatesLaunchWouldRefuse() {
        EcsCloud saved = new EcsCloud("ecs-cloud");
        EcsAgentTemplate windows = new EcsAgentTemplate("windows");
        windows.setSubnets("subnet-0a1b2c3d");
        windows.setOperatingSystem(OperatingSystem.WINDOWS_SERVER_2022_CORE);
        windows.setCapacity(Capacity.SPOT_WITH_FALLBACK);
        windows.setCpu(512);
        windows.setMemory(1024);
        EcsAgentTemplate linux = new EcsAgentTemplate("linux");
        linux.setSubnets("subnet-0a1b2c3d");
        saved.setTemplates(List.of(windows, linux));
        admin.withCloud(saved);

        FormValidation result = cloudForm(admin)
                .doCheckConfiguration("ecs-cloud", "us-east-1", "aws-key", "", "", "default-cluster", aws.endpoint());

        assertThat(result.kind).isEqualTo(Kind.ERROR);
        assertThat(result.getMessage())
                .contains("Template &#39;windows&#39;, capacity: Fargate Spot runs no Windows tasks")
                .contains("Template &#39;windows&#39;, cpu: 512 CPU units")
                .doesNotContain("Template &#39;linux&#39;");
    }

    @Test
    void aReaderCannotRunTheCheckNorSeeThePolicy() {
        assertThatThrownBy(() -> cloudForm(reader)
                        .doCheckConfiguration("ecs-cloud", "us-east-1", "aws-key", "", "", "c", aws.endpoint()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> cloudForm(reader)
                        .doShowPolicy("ecs-cloud", "us-east-1", "aws-key", "", "", "c", aws.endpoint()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(aws.calls()).isZero();
        assertThat(reader.credentialReads()).isZero();
    }

    @Test
    void showsThePolicyForTheAccountTheCredentialsSee() {
        EcsCloud saved = new EcsCloud("ecs-cloud");
        EcsAgentTemplate template = new EcsAgentTemplate("jenkins-agent");
        template.setExecutionRoleArn(EXECUTION_ROLE);
        saved.setTemplates(List.of(template));
        admin.withCloud(saved);

        String policy = cloudForm(admin)
                .doShowPolicy("ecs-cloud", "us-east-1", "aws-key", "", "", "default-cluster", aws.endpoint())
                .getMessage();

        assertThat(policy)
                .contains("<pre>")
                .contains("ecs:RunTask")
                .contains("arn:aws:ecs:us-east-1:123456789012:cluster/default-cluster")
                .contains("task-definition/jenkins_ecs-cloud_jenkins-agent:*")
                .contains("iam:PassRole")
                .contains(EXECUTION_ROLE)
                .contains("&quot;Version&quot;");
    }

    @Test
    void showsThePolicyWithTheAccountOfTheArnsWhenAwsCannotBeAsked() {
        String fromArn = cloudForm(admin)
                .doShowPolicy(
                        "ecs-cloud",
                        "us-east-1",
                        "aws-key",
                        "",
                        "",
                        "arn:aws:ecs:us-east-1:210987654321:cluster/agents",
                        "http://127.0.0.1:1")
                .getMessage();
        String placeholder = cloudForm(admin)
                .doShowPolicy("ecs-cloud", "us-east-1", "gone", "", "", "agents", aws.endpoint())
                .getMessage();

        assertThat(fromArn).contains("arn:aws:ecs:us-east-1:210987654321:cluster/agents");
        assertThat(placeholder)
                .contains(RequiredPolicy.ACCOUNT_PLACEHOLDER)
                .contains("&#39;gone&#39;")
                .contains("task-definition/jenkins_ecs-cloud_*:*")
                .doesNotContain("[]");
    }

    @Test
    void checksTheCapacityAgainstTheClustersProviders() {
        EcsAgentTemplate.DescriptorImpl form = new EcsAgentTemplate.DescriptorImpl(admin);

        FormValidation noSpot = form.doCheckCapacity(
                "FARGATE_SPOT", "us-east-1", "aws-key", "", "", aws.endpoint(), "default-cluster", "LINUX");
        FormValidation spot = form.doCheckCapacity(
                "SPOT_WITH_FALLBACK", "us-east-1", "aws-key", "", "", aws.endpoint(), "spot-cluster", "LINUX");
        FormValidation missing = form.doCheckCapacity(
                "FARGATE", "us-east-1", "aws-key", "", "", aws.endpoint(), "no-such-cluster", "LINUX");

        assertThat(noSpot.kind).isEqualTo(Kind.ERROR);
        assertThat(noSpot.getMessage()).contains("default-cluster").contains("FARGATE_SPOT");
        assertThat(spot.kind).isEqualTo(Kind.OK);
        assertThat(spot.getMessage()).contains("FARGATE_SPOT");
        assertThat(missing.kind).isEqualTo(Kind.ERROR);
    }

    @Test
    void spotForAWindowsTemplateIsRefusedWithoutAskingTheCluster() {
        EcsAgentTemplate.DescriptorImpl form = new EcsAgentTemplate.DescriptorImpl(admin);
        FormValidation windowsSpot = form.doCheckCapacity(
                "SPOT_WITH_FALLBACK",
                "us-east-1",
                "aws-key",
                "",
                "",
                aws.endpoint(),
                "spot-cluster",
                "WINDOWS_SERVER_2022_CORE");
        assertThat(windowsSpot.kind).isEqualTo(Kind.ERROR);
        assertThat(windowsSpot.getMessage()).contains("Windows").contains("on-demand");
        assertThat(aws.calls()).isZero();
        assertThat(form.doCheckCapacity(
                                "FARGATE",
                                "us-east-1",
                                "aws-key",
                                "",
                                "",
                                aws.endpoint(),
                                "spot-cluster",
                                "WINDOWS_SERVER_2022_CORE")
                        .kind)
                .isEqualTo(Kind.OK);
    }

    @Test
    void capacityCheckWaitsForTheCloudsSettingsAndRefusesReaders() {
        EcsAgentTemplate.DescriptorImpl form = new EcsAgentTemplate.DescriptorImpl(admin);
        assertThat(form.doCheckCapacity("FARGATE_SPOT", "", "aws-key", "", "", aws.endpoint(), "c", "LINUX").kind)
                .isEqualTo(Kind.OK);
        assertThat(form.doCheckCapacity("FARGATE_SPOT", "us-east-1", "aws-key", "", "", aws.endpoint(), "", "LINUX")
                        .kind)
                .isEqualTo(Kind.OK);
        assertThatThrownBy(() -> new EcsAgentTemplate.DescriptorImpl(reader)
                        .doCheckCapacity("FARGATE_SPOT", "us-east-1", "aws-key", "", "", aws.endpoint(), "c", null))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(aws.calls()).isZero();
    }

    @Test
    void listsRegionsFromTheSdkWithTheCurrentOneSelected() {
        ListBoxModel regions = cloudForm(reader).doFillRegionItems("eu-west-1");
        assertThat(regions).extracting(o -> o.value).contains("us-east-1", "eu-west-1", "ap-southeast-2");
        assertThat(regions).extracting(o -> o.value).doesNotContain("aws-global");
        assertThat(regions).filteredOn(o -> o.selected).extracting(o -> o.value).containsExactly("eu-west-1");
        assertThat(aws.calls()).isZero();
    }

    @Test
    void saysWhichJenkinsUrlAgentsUseWhenTheFieldIsEmpty() {
        assertThat(cloudForm(admin).doCheckJenkinsUrl("").getMessage()).contains("https://jenkins.example.com/");
        assertThat(cloudForm(FormsRuntime.administrator().withRootUrl(null)).doCheckJenkinsUrl("").kind)
                .isEqualTo(Kind.WARNING);
        assertThat(cloudForm(admin).doCheckJenkinsUrl("jenkins").kind).isEqualTo(Kind.ERROR);
    }
}
