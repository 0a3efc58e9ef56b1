package io.jenkins.plugins.ecsfargate.jenkins.forms;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.Descriptor;
import hudson.security.ACL;
import hudson.slaves.Cloud;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.ecsfargate.engine.AwsInventory;
import io.jenkins.plugins.ecsfargate.engine.aws.AwsConfig;
import io.jenkins.plugins.ecsfargate.engine.preflight.PreflightTarget;
import io.jenkins.plugins.ecsfargate.jenkins.CloudAws;
import io.jenkins.plugins.ecsfargate.jenkins.CloudConfigurationException;
import io.jenkins.plugins.ecsfargate.jenkins.EcsCloud;
import io.jenkins.plugins.ecsfargate.jenkins.JenkinsRuntime;
import io.jenkins.plugins.ecsfargate.jenkins.Messages;
import io.jenkins.plugins.ecsfargate.jenkins.TemplateSpecs;
import io.jenkins.plugins.ecsfargate.jenkins.config.Text;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The cloud form's checks, lists and buttons. Syntax checks run freely; everything that reads credentials or calls
 * AWS is {@code @POST} (no cross-site GET can trigger it) and requires Jenkins' Administer permission, because it
 * acts with the controller's AWS identity and reveals what that identity can see.
 */
public abstract class CloudDescriptor extends Descriptor<Cloud> {
    private static final Logger LOGGER = Logger.getLogger(CloudDescriptor.class.getName());
    private static final int MAX_CLOUD_AGENTS = 10_000;
    private static final int MAX_CLOUD_VCPUS = 100_000;

    private final transient JenkinsRuntime runtime;

    protected CloudDescriptor(JenkinsRuntime runtime) {
        this.runtime = runtime;
    }

    /** Checks the cloud name's syntax. */
    public FormValidation doCheckName(@QueryParameter String value) {
        return FormRules.resourceName(value, "EcsCloud.name");
    }

    /** Checks the Region's syntax; whether the Region answers is the preflight check's job. */
    public FormValidation doCheckRegion(@QueryParameter String value) {
        return FormRules.region(value);
    }

    /** The Regions the bundled SDK knows; read from the SDK, no AWS call. */
    public ListBoxModel doFillRegionItems(@QueryParameter String region) {
        return withCurrent(AwsInventory.regions(), region);
    }

    /** Checks the cluster reference's syntax; whether it exists is the preflight check's job. */
    public FormValidation doCheckCluster(@QueryParameter String value) {
        return FormRules.cluster(value);
    }

    /** The account's clusters in the Region, listed with the credentials being edited. */
    @POST
    public ListBoxModel doFillClusterItems(
            @QueryParameter String region,
            @QueryParameter String credentialsId,
            @QueryParameter String roleArn,
            @QueryParameter String externalId,
            @QueryParameter String endpoint,
            @QueryParameter String cluster) {
        runtime.checkAdminister();
        List<String> names = List.of();
        try {
            names = AwsInventory.clusterNames(
                    CloudAws.of(region, credentialsId, roleArn, externalId, endpoint, runtime));
        } catch (CloudConfigurationException | AwsInventory.LookupFailure e) {
            LOGGER.log(Level.FINE, "Cannot list clusters for the cloud form", e);
        }
        return withCurrent(names, cluster);
    }

    /**
     * Access-key credentials to choose from. Others than administrators see only the current value: the list
     * reveals which credentials exist.
     */
    @POST
    public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
        if (!runtime.hasAdminister()) {
            return new StandardListBoxModel().includeCurrentValue(credentialsId);
        }
        return new StandardListBoxModel()
                .includeEmptyValue()
                .includeMatchingAs(
                        ACL.SYSTEM2,
                        runtime.credentialsContext(),
                        StandardUsernamePasswordCredentials.class,
                        List.of(),
                        CredentialsMatchers.always())
                .includeCurrentValue(credentialsId);
    }

    /** Checks that the chosen credential exists and holds an access key. */
    @POST
    public FormValidation doCheckCredentialsId(@QueryParameter String value) {
        if (!runtime.hasAdminister()) {
            return FormValidation.ok();
        }
        String id = Text.trimToNull(value);
        if (id == null) {
            return FormValidation.ok(Messages.format("EcsCloud.credentialsId.defaultChain"));
        }
        StandardUsernamePasswordCredentials key = runtime.findUsernamePassword(id);
        if (key == null) {
            return FormValidation.error(Messages.format("EcsCloud.credentialsId.missing", id));
        }
        String keyId = Text.trimToNull(key.getUsername());
        if (keyId == null
                || key.getPassword() == null
                || key.getPassword().getPlainText().isEmpty()) {
            return FormValidation.error(Messages.format("EcsCloud.credentialsId.incomplete", id));
        }
        return FormValidation.ok(Messages.format("EcsCloud.credentialsId.found", keyId));
    }

    public FormValidation doCheckRoleArn(@QueryParameter String value) {
        return FormRules.optionalRoleArn(value);
    }

    public FormValidation doCheckExternalId(@QueryParameter String value, @QueryParameter String roleArn) {
        return FormRules.externalId(value, roleArn);
    }

    public FormValidation doCheckEndpoint(@QueryParameter String value) {
        return FormRules.optionalUrl(value, "EcsCloud.endpoint");
    }

    /** Checks the URL's syntax; when empty, says which URL agents will use. */
    public FormValidation doCheckJenkinsUrl(@QueryParameter String value) {
        if (Text.trimToNull(value) != null) {
            return FormRules.optionalUrl(value, "EcsCloud.jenkinsUrl");
        }
        String configured = Text.trimToNull(runtime.rootUrl());
        return configured == null
                ? FormValidation.warning(Messages.format("EcsCloud.jenkinsUrl.noneConfigured"))
                : FormValidation.ok(Messages.format("EcsCloud.jenkinsUrl.fromJenkins", configured));
    }

    public FormValidation doCheckMaxAgents(@QueryParameter String value) {
        return FormRules.intInRange(value, 0, MAX_CLOUD_AGENTS, "EcsCloud.maxAgents");
    }

    public FormValidation doCheckMaxVcpus(@QueryParameter String value) {
        return FormRules.intInRange(value, 0, MAX_CLOUD_VCPUS, "EcsCloud.maxVcpus");
    }

    /**
     * "Check configuration": runs the engine's preflight with the AWS settings as edited and the saved cloud's
     * templates and connection (each template's own settings first, as its launch would check them), and lists
     * every finding with its fix. Reads only; changes nothing in AWS.
     */
    @POST
    public FormValidation doCheckConfiguration(
            @QueryParameter String name,
            @QueryParameter String region,
            @QueryParameter String credentialsId,
            @QueryParameter String roleArn,
            @QueryParameter String externalId,
            @QueryParameter String cluster,
            @QueryParameter String endpoint) {
        runtime.checkAdminister();
        EcsCloud saved = savedCloud(name);
        try {
            AwsConfig aws = CloudAws.of(region, credentialsId, roleArn, externalId, endpoint, runtime);
            EcsCloud draft = draft(name, region, cluster, saved);
            PreflightTarget target = TemplateSpecs.preflightTarget(draft);
            return PreflightReport.render(
                    AwsInventory.preflight(
                            aws, target, TemplateSpecs.taskDefinitions(draft), TemplateSpecs.launchProblems(draft)),
                    saved == null);
        } catch (CloudConfigurationException e) {
            return FormValidation.error(e.getMessage());
        } catch (AwsInventory.LookupFailure e) {
            return lookupFailure("preflight", e);
        }
    }

    /** "Show required IAM policy": the least-privilege policy for this cloud, in the account the credentials see. */
    @POST
    public FormValidation doShowPolicy(
            @QueryParameter String name,
            @QueryParameter String region,
            @QueryParameter String credentialsId,
            @QueryParameter String roleArn,
            @QueryParameter String externalId,
            @QueryParameter String cluster,
            @QueryParameter String endpoint) {
        runtime.checkAdminister();
        FormValidation regionCheck = FormRules.region(region);
        if (regionCheck.kind == FormValidation.Kind.ERROR) {
            return regionCheck;
        }
        PreflightTarget target;
        EcsCloud draft = draft(name, region, cluster, savedCloud(name));
        try {
            target = TemplateSpecs.preflightTarget(draft);
        } catch (CloudConfigurationException e) {
            return FormValidation.error(e.getMessage());
        }
        String account = null;
        String accountProblem = null;
        try {
            account =
                    AwsInventory.accountId(CloudAws.of(region, credentialsId, roleArn, externalId, endpoint, runtime));
        } catch (CloudConfigurationException e) {
            accountProblem = e.getMessage();
        } catch (AwsInventory.LookupFailure e) {
            accountProblem = e.reachedAws()
                    ? Messages.format("EcsCloud.lookup.failed", e.errorCode(), String.valueOf(e.statusCode()))
                    : Messages.format("EcsCloud.lookup.unreachable");
        }
        if (account == null) {
            account = RequiredPolicy.accountInArns(target);
        }
        StringBuilder html = new StringBuilder("<p>")
                .append(Html.escape(Messages.format("EcsCloud.policy.intro")))
                .append("</p>");
        if (account == null) {
            html.append("<p>")
                    .append(Html.escape(Messages.format(
                            "EcsCloud.policy.accountUnknown", accountProblem, RequiredPolicy.ACCOUNT_PLACEHOLDER)))
                    .append("</p>");
        }
        html.append("<pre>")
                .append(Html.escape(RequiredPolicy.render(region.trim(), account, target)))
                .append("</pre>");
        return FormValidation.okWithMarkup(html.toString());
    }

    /** The runtime this descriptor asks for permissions, credentials and saved clouds. */
    protected final JenkinsRuntime runtime() {
        return runtime;
    }

    /** The options, the current value selected, and kept first when it is not among them. */
    private static ListBoxModel withCurrent(List<String> values, String currentValue) {
        String current = Text.trimToNull(currentValue);
        ListBoxModel items = new ListBoxModel();
        if (current != null && !values.contains(current)) {
            items.add(new ListBoxModel.Option(current, current, true));
        }
        for (String value : values) {
            items.add(new ListBoxModel.Option(value, value, value.equals(current)));
        }
        return items;
    }

    private EcsCloud savedCloud(String name) {
        String cloudName = Text.trimToNull(name);
        return cloudName != null && runtime.cloudByName(cloudName) instanceof EcsCloud cloud ? cloud : null;
    }

    private static EcsCloud draft(String name, String region, String cluster, EcsCloud saved) {
        EcsCloud draft = new EcsCloud(Text.trimToNull(name) == null ? "draft" : name.trim());
        draft.setRegion(region);
        draft.setCluster(cluster);
        if (saved != null) {
            draft.setTemplates(saved.getTemplates());
            draft.setConnection(saved.getConnection());
        }
        return draft;
    }

    static FormValidation lookupFailure(String operation, AwsInventory.LookupFailure e) {
        LOGGER.log(Level.FINE, "AWS look-up failed", e);
        if (!e.reachedAws()) {
            return FormValidation.error(Messages.format("EcsCloud.lookup.unreachable"));
        }
        if (e.isAccessDenied()) {
            return FormValidation.error(Messages.format("EcsCloud.lookup.denied", operation, e.errorCode()));
        }
        return FormValidation.error(
                Messages.format("EcsCloud.lookup.failed", e.errorCode(), String.valueOf(e.statusCode())));
    }
}
