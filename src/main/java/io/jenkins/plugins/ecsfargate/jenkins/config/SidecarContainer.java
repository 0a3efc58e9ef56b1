package io.jenkins.plugins.ecsfargate.jenkins.config;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import io.jenkins.plugins.ecsfargate.jenkins.Messages;
import io.jenkins.plugins.ecsfargate.jenkins.forms.FormRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

/**
 * An extra container in every agent task (a database for tests, a proxy, a Docker-in-Docker daemon). It shares
 * the task's network and size. Not essential by default, so a sidecar that exits does not stop the build.
 */
public final class SidecarContainer extends AbstractDescribableImpl<SidecarContainer> {
    private final String name;
    private final String image;
    private boolean essential;
    private List<EnvironmentVariable> environment = new ArrayList<>();

    @DataBoundConstructor
    public SidecarContainer(String name, String image) {
        this.name = Text.trimToNull(name);
        this.image = Text.trimToNull(image);
    }

    /** The container's name in the task, unique within it. */
    public String getName() {
        return name;
    }

    public String getImage() {
        return image;
    }

    /** Whether the task stops when this container exits. */
    public boolean isEssential() {
        return essential;
    }

    @DataBoundSetter
    public void setEssential(boolean essential) {
        this.essential = essential;
    }

    public List<EnvironmentVariable> getEnvironment() {
        return environment == null ? List.of() : List.copyOf(environment);
    }

    @DataBoundSetter
    public void setEnvironment(List<EnvironmentVariable> environment) {
        this.environment = environment == null ? new ArrayList<>() : new ArrayList<>(environment);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SidecarContainer that
                && Objects.equals(name, that.name)
                && Objects.equals(image, that.image)
                && essential == that.essential
                && getEnvironment().equals(that.getEnvironment());
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, image, essential, getEnvironment());
    }

    /** One sidecar; checks its name and image reference. */
    @Extension
    @Symbol("sidecar")
    public static final class DescriptorImpl extends Descriptor<SidecarContainer> {
        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.format("SidecarContainer.displayName");
        }

        public FormValidation doCheckName(@QueryParameter String value) {
            return FormRules.containerName(value);
        }

        public FormValidation doCheckImage(@QueryParameter String value) {
            return FormRules.image(value);
        }
    }
}
