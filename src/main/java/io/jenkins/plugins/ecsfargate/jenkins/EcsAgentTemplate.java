package io.jenkins.plugins.ecsfargate.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.AbstractDescribableImpl;
import io.jenkins.plugins.ecsfargate.jenkins.config.AgentRetention;
import io.jenkins.plugins.ecsfargate.jenkins.config.Architecture;
import io.jenkins.plugins.ecsfargate.jenkins.config.AwsLogs;
import io.jenkins.plugins.ecsfargate.jenkins.config.Capacity;
import io.jenkins.plugins.ecsfargate.jenkins.config.EnvironmentVariable;
import io.jenkins.plugins.ecsfargate.jenkins.config.OneShotRetention;
import io.jenkins.plugins.ecsfargate.jenkins.config.OperatingSystem;
import io.jenkins.plugins.ecsfargate.jenkins.config.ResourceTag;
import io.jenkins.plugins.ecsfargate.jenkins.config.SidecarContainer;
import io.jenkins.plugins.ecsfargate.jenkins.config.TaskSecret;
import io.jenkins.plugins.ecsfargate.jenkins.config.Text;
import io.jenkins.plugins.ecsfargate.jenkins.forms.TemplateDescriptor;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * One kind of agent a cloud can start: which labels it serves, what runs (image, size, environment, sidecars),
 * where (network, capacity) and for how long (retention, timeouts). The name identifies the template within its
 * cloud and, with the cloud's name, its task-definition family, so it should not change once agents ran.
 *
 * <p>Configuration only, persisted as Strings, numbers and our own types (JEP-200). Defaults are those of a
 * first agent that works: the inbound-agent image, 1 vCPU and 2 GiB, one build per agent, private subnets.
 */
public class EcsAgentTemplate extends AbstractDescribableImpl<EcsAgentTemplate> {
    /** The Linux agent image; see {@link OperatingSystem#defaultImage()} for the others. */
    public static final String DEFAULT_IMAGE = OperatingSystem.LINUX.defaultImage();

    public static final int DEFAULT_CPU = 1024;
    public static final int DEFAULT_MEMORY = 2048;
    public static final int DEFAULT_EPHEMERAL_STORAGE_GIB = 20;
    public static final int DEFAULT_START_TIMEOUT_SECONDS = 300;
    public static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 120;

    private final String name;
    private String labelString;
    /** Null for the operating system's default image, so that a change of system changes the image with it. */
    private String image;

    private int cpu = DEFAULT_CPU;
    private int memory = DEFAULT_MEMORY;
    private Architecture cpuArchitecture = Architecture.X86_64;
    private OperatingSystem operatingSystem = OperatingSystem.LINUX;
    private int ephemeralStorageGiB = DEFAULT_EPHEMERAL_STORAGE_GIB;
    private String subnets;
    private String securityGroups;
    private boolean assignPublicIp;
    private String executionRoleArn;
    private String taskRoleArn;
    private Capacity capacity = Capacity.FARGATE;
    private String platformVersion;
    private AwsLogs logs;
    private List<EnvironmentVariable> environment = new ArrayList<>();
    private List<TaskSecret> secrets = new ArrayList<>();
    /** Null for the operating system's default, like {@link #image}. */
    private String agentWorkDir;

    private String containerUser;
    private boolean initProcessEnabled;
    private boolean enableExecuteCommand;
    private List<ResourceTag> tags = new ArrayList<>();
    private int maxAgents;
    private AgentRetention retention = new OneShotRetention();
    private int startTimeoutSeconds = DEFAULT_START_TIMEOUT_SECONDS;
    private int connectTimeoutSeconds = DEFAULT_CONNECT_TIMEOUT_SECONDS;
    private int numExecutors = 1;
    private List<SidecarContainer> sidecars = new ArrayList<>();

    @DataBoundConstructor
    public EcsAgentTemplate(String name) {
        this.name = Text.trimToNull(name);
    }

    /** Restores defaults for settings missing from configurations saved before they existed. */
    protected Object readResolve() {
        if (operatingSystem == null) {
            operatingSystem = OperatingSystem.LINUX;
        }
        if (cpuArchitecture == null) {
            cpuArchitecture = Architecture.X86_64;
        }
        if (capacity == null) {
            capacity = Capacity.FARGATE;
        }
        if (retention == null) {
            retention = new OneShotRetention();
        }
        environment = environment == null ? new ArrayList<>() : environment;
        secrets = secrets == null ? new ArrayList<>() : secrets;
        tags = tags == null ? new ArrayList<>() : tags;
        sidecars = sidecars == null ? new ArrayList<>() : sidecars;
        return this;
    }

    /** The template's name, unique within its cloud. */
    public String getName() {
        return name;
    }

    /** The labels this template's agents carry, space-separated; builds ask for them by label expression. */
    public String getLabelString() {
        return labelString;
    }

    @DataBoundSetter
    public void setLabelString(String labelString) {
        this.labelString = Text.trimToNull(labelString);
    }

    /**
     * The agent container's image; it must start an inbound agent from the {@code JENKINS_*} environment. The
     * operating system's default inbound-agent image unless another was chosen.
     */
    public String getImage() {
        return image != null ? image : operatingSystem.defaultImage();
    }

    /**
     * Blank, or the default image of any operating system (what the form shows for a new template), means the
     * default of the template's system, whatever order the form's fields are bound in.
     */
    @DataBoundSetter
    public void setImage(String image) {
        String trimmed = Text.trimToNull(image);
        this.image = trimmed == null || OperatingSystem.isSomeDefaultImage(trimmed) ? null : trimmed;
    }

    /** Task CPU in CPU units (1024 = 1 vCPU); with {@link #getMemory()} a Fargate size. */
    public int getCpu() {
        return cpu;
    }

    @DataBoundSetter
    public void setCpu(int cpu) {
        this.cpu = cpu;
    }

    /** Task memory in MiB. */
    public int getMemory() {
        return memory;
    }

    @DataBoundSetter
    public void setMemory(int memory) {
        this.memory = memory;
    }

    /** The task's operating system: Linux, or a Windows Server edition Fargate runs. */
    public OperatingSystem getOperatingSystem() {
        return operatingSystem;
    }

    @DataBoundSetter
    public void setOperatingSystem(OperatingSystem operatingSystem) {
        this.operatingSystem = operatingSystem == null ? OperatingSystem.LINUX : operatingSystem;
    }

    /** The task's CPU architecture (Windows tasks run on X86_64 only). */
    public Architecture getCpuArchitecture() {
        return cpuArchitecture;
    }

    @DataBoundSetter
    public void setCpuArchitecture(Architecture cpuArchitecture) {
        this.cpuArchitecture = cpuArchitecture == null ? Architecture.X86_64 : cpuArchitecture;
    }

    /** The task's ephemeral storage in GiB (20 is Fargate's default and minimum). */
    public int getEphemeralStorageGiB() {
        return ephemeralStorageGiB;
    }

    @DataBoundSetter
    public void setEphemeralStorageGiB(int ephemeralStorageGiB) {
        this.ephemeralStorageGiB = ephemeralStorageGiB;
    }

    /** Subnet ids, comma-separated, as entered ({@link #subnetList()} for the list). */
    public String getSubnets() {
        return subnets;
    }

    @DataBoundSetter
    public void setSubnets(String subnets) {
        this.subnets = Text.joinList(subnets);
    }

    /** The subnet ids in order. */
    public List<String> subnetList() {
        return Text.splitList(subnets);
    }

    /** Security group ids, comma-separated ({@link #securityGroupList()} for the list). */
    public String getSecurityGroups() {
        return securityGroups;
    }

    @DataBoundSetter
    public void setSecurityGroups(String securityGroups) {
        this.securityGroups = Text.joinList(securityGroups);
    }

    /** The security group ids in order. */
    public List<String> securityGroupList() {
        return Text.splitList(securityGroups);
    }

    /** Whether tasks get a public IP (only for public subnets without NAT). */
    public boolean isAssignPublicIp() {
        return assignPublicIp;
    }

    @DataBoundSetter
    public void setAssignPublicIp(boolean assignPublicIp) {
        this.assignPublicIp = assignPublicIp;
    }

    /** The role Fargate uses to pull the image, write logs and read secrets; null for none. */
    public String getExecutionRoleArn() {
        return executionRoleArn;
    }

    @DataBoundSetter
    public void setExecutionRoleArn(String executionRoleArn) {
        this.executionRoleArn = Text.trimToNull(executionRoleArn);
    }

    /** The role the build's AWS calls run as; null for none. */
    public String getTaskRoleArn() {
        return taskRoleArn;
    }

    @DataBoundSetter
    public void setTaskRoleArn(String taskRoleArn) {
        this.taskRoleArn = Text.trimToNull(taskRoleArn);
    }

    /** On-demand, Spot, or Spot with on-demand fallback. */
    public Capacity getCapacity() {
        return capacity;
    }

    @DataBoundSetter
    public void setCapacity(Capacity capacity) {
        this.capacity = capacity == null ? Capacity.FARGATE : capacity;
    }

    /** The Fargate platform version; null for {@code LATEST}. */
    public String getPlatformVersion() {
        return platformVersion;
    }

    @DataBoundSetter
    public void setPlatformVersion(String platformVersion) {
        this.platformVersion = Text.trimToNull(platformVersion);
    }

    /** CloudWatch Logs settings of the agent container; null to send no logs. */
    public AwsLogs getLogs() {
        return logs;
    }

    @DataBoundSetter
    public void setLogs(AwsLogs logs) {
        this.logs = logs;
    }

    /** Plain environment variables of the agent container. */
    public List<EnvironmentVariable> getEnvironment() {
        return List.copyOf(environment);
    }

    @DataBoundSetter
    public void setEnvironment(List<EnvironmentVariable> environment) {
        this.environment = environment == null ? new ArrayList<>() : new ArrayList<>(environment);
    }

    /** Variables of the agent container filled from Secrets Manager or SSM when the task starts. */
    public List<TaskSecret> getSecrets() {
        return List.copyOf(secrets);
    }

    @DataBoundSetter
    public void setSecrets(List<TaskSecret> secrets) {
        this.secrets = secrets == null ? new ArrayList<>() : new ArrayList<>(secrets);
    }

    /** The agent's work directory inside the container, also the node's remote root. */
    public String getAgentWorkDir() {
        return agentWorkDir != null ? agentWorkDir : operatingSystem.defaultAgentWorkDir();
    }

    /** Blank, or any system's default, means the default of the template's system (as for the image). */
    @DataBoundSetter
    public void setAgentWorkDir(String agentWorkDir) {
        String trimmed = Text.trimToNull(agentWorkDir);
        this.agentWorkDir = trimmed == null || OperatingSystem.isSomeDefaultAgentWorkDir(trimmed) ? null : trimmed;
    }

    /** The user the agent container runs as ({@code name}, {@code uid} or {@code uid:gid}); null for the image's. */
    public String getContainerUser() {
        return containerUser;
    }

    @DataBoundSetter
    public void setContainerUser(String containerUser) {
        this.containerUser = Text.trimToNull(containerUser);
    }

    /** Whether the container runs an init process that reaps the build's orphaned processes. */
    public boolean isInitProcessEnabled() {
        return initProcessEnabled;
    }

    @DataBoundSetter
    public void setInitProcessEnabled(boolean initProcessEnabled) {
        this.initProcessEnabled = initProcessEnabled;
    }

    /** Whether ECS Exec may open a shell in the agent's task. */
    public boolean isEnableExecuteCommand() {
        return enableExecuteCommand;
    }

    @DataBoundSetter
    public void setEnableExecuteCommand(boolean enableExecuteCommand) {
        this.enableExecuteCommand = enableExecuteCommand;
    }

    /** User tags of the task definition and the agents' tasks. */
    public List<ResourceTag> getTags() {
        return List.copyOf(tags);
    }

    @DataBoundSetter
    public void setTags(List<ResourceTag> tags) {
        this.tags = tags == null ? new ArrayList<>() : new ArrayList<>(tags);
    }

    /** At most this many agents of this template at once, starting ones included; 0 for no limit. */
    public int getMaxAgents() {
        return maxAgents;
    }

    @DataBoundSetter
    public void setMaxAgents(int maxAgents) {
        this.maxAgents = Math.max(0, maxAgents);
    }

    /** When an agent is retired: one-shot (default) or idle minutes. */
    public AgentRetention getRetention() {
        return retention;
    }

    @DataBoundSetter
    public void setRetention(AgentRetention retention) {
        this.retention = retention == null ? new OneShotRetention() : retention;
    }

    /** Seconds from RunTask to a running task before the launch fails. */
    public int getStartTimeoutSeconds() {
        return startTimeoutSeconds;
    }

    @DataBoundSetter
    public void setStartTimeoutSeconds(int startTimeoutSeconds) {
        this.startTimeoutSeconds = startTimeoutSeconds < 1 ? DEFAULT_START_TIMEOUT_SECONDS : startTimeoutSeconds;
    }

    /** Seconds from a running task to a connected agent before the launch fails. */
    public int getConnectTimeoutSeconds() {
        return connectTimeoutSeconds;
    }

    @DataBoundSetter
    public void setConnectTimeoutSeconds(int connectTimeoutSeconds) {
        this.connectTimeoutSeconds =
                connectTimeoutSeconds < 1 ? DEFAULT_CONNECT_TIMEOUT_SECONDS : connectTimeoutSeconds;
    }

    /** Executors per agent (default 1: one build per task). */
    public int getNumExecutors() {
        return numExecutors;
    }

    @DataBoundSetter
    public void setNumExecutors(int numExecutors) {
        this.numExecutors = Math.max(1, numExecutors);
    }

    /** Extra containers in every agent task. */
    public List<SidecarContainer> getSidecars() {
        return List.copyOf(sidecars);
    }

    @DataBoundSetter
    public void setSidecars(List<SidecarContainer> sidecars) {
        this.sidecars = sidecars == null ? new ArrayList<>() : new ArrayList<>(sidecars);
    }

    /** The task's vCPUs, as counted against the cloud's vCPU cap. */
    public double vcpus() {
        return cpu / 1024.0;
    }

    /** The template as Jenkins describes it; its form's checks and lists are in {@link TemplateDescriptor}. */
    @Extension
    @Symbol("fargateTemplate")
    public static final class DescriptorImpl extends TemplateDescriptor {
        public DescriptorImpl() {
            this(new LiveJenkinsRuntime());
        }

        /** A descriptor that reaches Jenkins through {@code runtime} (tests pass a fake). */
        public DescriptorImpl(JenkinsRuntime runtime) {
            super(runtime);
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.format("EcsAgentTemplate.displayName");
        }
    }
}
