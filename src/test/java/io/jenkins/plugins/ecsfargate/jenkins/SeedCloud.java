package io.jenkins.plugins.ecsfargate.jenkins;

import io.jenkins.plugins.ecsfargate.jenkins.config.AwsLogs;
import io.jenkins.plugins.ecsfargate.jenkins.config.Capacity;
import io.jenkins.plugins.ecsfargate.jenkins.config.TunnelConnection;
import java.util.List;

/** The reference setup users start from (docs/seed-setup.md), as configuration objects. */
public final class SeedCloud {
    static final String EXECUTION_ROLE = "arn:aws:iam::123456789012:role/jenkins-agent-execution";
    static final String SUBNETS = "subnet-0a1b2c3d4e5f60718,subnet-0f1e2d3c4b5a69788";
    static final String AGENT_SECURITY_GROUP = "sg-0123456789abcdef0";
    static final String LOG_GROUP = "ECSLogGroup-jenkins-for-ecs-with-agents";

    private SeedCloud() {}

    public static EcsCloud cloud() {
        EcsCloud cloud = new EcsCloud("ecs-cloud");
        cloud.setRegion("us-east-1");
        cloud.setCluster("default-cluster");
        cloud.setConnection(new TunnelConnection("jenkins.jenkins-for-ecs-with-agents:50000"));
        cloud.setTemplates(List.of(template()));
        return cloud;
    }

    public static EcsAgentTemplate template() {
        EcsAgentTemplate template = new EcsAgentTemplate("jenkins-agent");
        template.setLabelString("ecs");
        template.setImage("jenkins/inbound-agent:alpine");
        template.setCapacity(Capacity.FARGATE);
        template.setCpu(1024);
        template.setMemory(2048);
        template.setSubnets(SUBNETS);
        template.setSecurityGroups(AGENT_SECURITY_GROUP);
        template.setExecutionRoleArn(EXECUTION_ROLE);
        template.setLogs(new AwsLogs(LOG_GROUP, "us-east-1", "jenkins-agent"));
        return template;
    }
}
