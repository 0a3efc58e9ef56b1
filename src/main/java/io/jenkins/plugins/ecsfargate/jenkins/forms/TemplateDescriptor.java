package io.jenkins.plugins.ecsfargate.jenkins.forms;

import hudson.RelativePath;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.ecsfargate.engine.AwsInventory;
import io.jenkins.plugins.ecsfargate.jenkins.CloudAws;
import io.jenkins.plugins.ecsfargate.jenkins.CloudConfigurationException;
import io.jenkins.plugins.ecsfargate.jenkins.EcsAgentTemplate;
import io.jenkins.plugins.ecsfargate.jenkins.JenkinsRuntime;
import io.jenkins.plugins.ecsfargate.jenkins.Messages;
import io.jenkins.plugins.ecsfargate.jenkins.config.Architecture;
import io.jenkins.plugins.ecsfargate.jenkins.config.Capacity;
import io.jenkins.plugins.ecsfargate.jenkins.config.OperatingSystem;
import io.jenkins.plugins.ecsfargate.jenkins.config.Text;
import java.util.List;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The template form's checks and lists. All are syntax rules except the capacity check, which asks the cloud's
 * cluster (the enclosing form's settings) for its capacity providers and therefore is {@code @POST} and for
 * administrators only.
 */
public abstract class TemplateDescriptor extends Descriptor<EcsAgentTemplate> {
    private static final int MAX_TEMPLATE_AGENTS = 10_000;
    private static final int MAX_EXECUTORS = 64;
    private static final int MAX_TIMEOUT_SECONDS = 3600;

    private final transient JenkinsRuntime runtime;

    protected TemplateDescriptor(JenkinsRuntime runtime) {
        this.runtime = runtime;
    }

    public FormValidation doCheckName(@QueryParameter String value) {
        return FormRules.resourceName(value, "EcsAgentTemplate.name");
    }

    public FormValidation doCheckLabelString(@QueryParameter String value) {
        return FormRules.labels(value);
    }

    public FormValidation doCheckImage(@QueryParameter String value, @QueryParameter String operatingSystem) {
        return PlatformRules.image(value, operatingSystem);
    }

    public FormValidation doCheckOperatingSystem(@QueryParameter String value) {
        return PlatformRules.operatingSystemOf(value).isWindows()
                ? FormValidation.ok(Messages.format("EcsAgentTemplate.operatingSystem.windowsRules"))
                : FormValidation.ok();
    }

    public FormValidation doCheckCpu(@QueryParameter String value, @QueryParameter String operatingSystem) {
        return PlatformRules.cpu(value, operatingSystem);
    }

    public FormValidation doCheckCpuArchitecture(@QueryParameter String value, @QueryParameter String operatingSystem) {
        return PlatformRules.architecture(value, operatingSystem);
    }

    public FormValidation doCheckMemory(@QueryParameter String value, @QueryParameter String cpu) {
        return FormRules.memory(value, cpu);
    }

    public FormValidation doCheckEphemeralStorageGiB(@QueryParameter String value) {
        return FormRules.ephemeralStorage(value);
    }

    public FormValidation doCheckSubnets(@QueryParameter String value) {
        return FormRules.subnets(value);
    }

    public FormValidation doCheckSecurityGroups(@QueryParameter String value) {
        return FormRules.securityGroups(value);
    }

    public FormValidation doCheckExecutionRoleArn(@QueryParameter String value) {
        return FormRules.optionalRoleArn(value);
    }

    public FormValidation doCheckTaskRoleArn(@QueryParameter String value) {
        return FormRules.optionalRoleArn(value);
    }

    public FormValidation doCheckPlatformVersion(@QueryParameter String value, @QueryParameter String operatingSystem) {
        return PlatformRules.platformVersion(value, operatingSystem);
    }

    public FormValidation doCheckAgentWorkDir(@QueryParameter String value, @QueryParameter String operatingSystem) {
        return PlatformRules.agentWorkDir(value, operatingSystem);
    }

    public FormValidation doCheckContainerUser(@QueryParameter String value, @QueryParameter String operatingSystem) {
        return PlatformRules.containerUser(value, operatingSystem);
    }

    public FormValidation doCheckInitProcessEnabled(
            @QueryParameter String value, @QueryParameter String operatingSystem) {
        return PlatformRules.initProcess(Boolean.parseBoolean(Text.trimToNull(value)), operatingSystem);
    }

    public FormValidation doCheckMaxAgents(@QueryParameter String value) {
        return FormRules.intInRange(value, 0, MAX_TEMPLATE_AGENTS, "EcsAgentTemplate.maxAgents");
    }

    public FormValidation doCheckNumExecutors(@QueryParameter String value) {
        return FormRules.intInRange(value, 1, MAX_EXECUTORS, "EcsAgentTemplate.numExecutors");
    }

    public FormValidation doCheckStartTimeoutSeconds(
            @QueryParameter String value, @QueryParameter String operatingSystem) {
        return PlatformRules.startTimeout(value, operatingSystem, 30, MAX_TIMEOUT_SECONDS);
    }

    public FormValidation doCheckConnectTimeoutSeconds(@QueryParameter String value) {
        return FormRules.intInRange(value, 10, MAX_TIMEOUT_SECONDS, "EcsAgentTemplate.connectTimeoutSeconds");
    }

    /** The capacity choices, in the user's words. */
    public ListBoxModel doFillCapacityItems(@QueryParameter String capacity) {
        ListBoxModel items = new ListBoxModel();
        for (Capacity choice : Capacity.values()) {
            items.add(new ListBoxModel.Option(
                    Messages.format("EcsAgentTemplate.capacity." + choice.name()),
                    choice.name(),
                    choice.name().equals(capacity)));
        }
        return items;
    }

    /** The operating systems Fargate runs, in the user's words. */
    public ListBoxModel doFillOperatingSystemItems(@QueryParameter String operatingSystem) {
        ListBoxModel items = new ListBoxModel();
        for (OperatingSystem choice : OperatingSystem.values()) {
            items.add(new ListBoxModel.Option(
                    Messages.format("EcsAgentTemplate.operatingSystem." + choice.name()),
                    choice.name(),
                    choice.name().equals(operatingSystem)));
        }
        return items;
    }

    /** The CPU architectures Fargate offers (Windows: X86_64 only, which the architecture check says). */
    public ListBoxModel doFillCpuArchitectureItems(@QueryParameter String cpuArchitecture) {
        ListBoxModel items = new ListBoxModel();
        for (Architecture choice : Architecture.values()) {
            items.add(new ListBoxModel.Option(
                    Messages.format("EcsAgentTemplate.cpuArchitecture." + choice.name()),
                    choice.name(),
                    choice.name().equals(cpuArchitecture)));
        }
        return items;
    }

    /**
     * Checks the chosen capacity against the capacity providers of the enclosing cloud's cluster, with the
     * cloud's AWS settings as edited. Silent (OK) while the cloud's settings are incomplete.
     */
    @POST
    public FormValidation doCheckCapacity(
            @QueryParameter String value,
            @RelativePath("..") @QueryParameter String region,
            @RelativePath("..") @QueryParameter String credentialsId,
            @RelativePath("..") @QueryParameter String roleArn,
            @RelativePath("..") @QueryParameter String externalId,
            @RelativePath("..") @QueryParameter String endpoint,
            @RelativePath("..") @QueryParameter String cluster,
            @QueryParameter String operatingSystem) {
        runtime.checkAdminister();
        Capacity capacity = capacityOf(value);
        FormValidation platform = PlatformRules.capacity(capacity, operatingSystem);
        if (platform != null) {
            return platform;
        }
        String clusterName = Text.trimToNull(cluster);
        if (clusterName == null || FormRules.region(region).kind != FormValidation.Kind.OK) {
            return FormValidation.ok();
        }
        List<String> providers;
        try {
            providers = AwsInventory.capacityProviders(
                    CloudAws.of(region, credentialsId, roleArn, externalId, endpoint, runtime), clusterName);
        } catch (CloudConfigurationException e) {
            return FormValidation.ok();
        } catch (AwsInventory.LookupFailure e) {
            return CloudDescriptor.lookupFailure("ecs:DescribeClusters", e);
        }
        if (capacity.usesSpot() && !providers.contains("FARGATE_SPOT")) {
            return FormValidation.error(Messages.format("EcsAgentTemplate.capacity.spotMissing", clusterName));
        }
        if (capacity == Capacity.SPOT_WITH_FALLBACK && !providers.contains("FARGATE")) {
            return FormValidation.warning(Messages.format("EcsAgentTemplate.capacity.fargateMissing", clusterName));
        }
        return FormValidation.ok(Messages.format(
                "EcsAgentTemplate.capacity.available",
                clusterName,
                providers.isEmpty() ? "-" : String.join(", ", providers)));
    }

    private static Capacity capacityOf(String value) {
        for (Capacity choice : Capacity.values()) {
            if (choice.name().equals(Text.trimToNull(value))) {
                return choice;
            }
        }
        return Capacity.FARGATE;
    }
}
