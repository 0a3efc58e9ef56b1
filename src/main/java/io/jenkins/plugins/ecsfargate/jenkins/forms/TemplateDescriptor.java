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

    public FormValidation doCheckImage(@QueryParameter String value) {
        return FormRules.image(value);
    }

    public FormValidation doCheckCpu(@QueryParameter String value) {
        return FormRules.cpu(value);
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

    public FormValidation doCheckPlatformVersion(@QueryParameter String value) {
        return FormRules.platformVersion(value);
    }

    public FormValidation doCheckAgentWorkDir(@QueryParameter String value) {
        return FormRules.absolutePath(value, "EcsAgentTemplate.agentWorkDir");
    }

    public FormValidation doCheckContainerUser(@QueryParameter String value) {
        return FormRules.containerUser(value);
    }

    public FormValidation doCheckMaxAgents(@QueryParameter String value) {
        return FormRules.intInRange(value, 0, MAX_TEMPLATE_AGENTS, "EcsAgentTemplate.maxAgents");
    }

    public FormValidation doCheckNumExecutors(@QueryParameter String value) {
        return FormRules.intInRange(value, 1, MAX_EXECUTORS, "EcsAgentTemplate.numExecutors");
    }

    public FormValidation doCheckStartTimeoutSeconds(@QueryParameter String value) {
        return FormRules.intInRange(value, 30, MAX_TIMEOUT_SECONDS, "EcsAgentTemplate.startTimeoutSeconds");
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

    /** The CPU architectures Fargate offers for Linux tasks. */
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
            @RelativePath("..") @QueryParameter String cluster) {
        runtime.checkAdminister();
        String clusterName = Text.trimToNull(cluster);
        if (clusterName == null || FormRules.region(region).kind != FormValidation.Kind.OK) {
            return FormValidation.ok();
        }
        Capacity capacity = capacityOf(value);
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
