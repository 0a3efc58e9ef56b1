// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.model.Node;
import hudson.security.Permission;
import java.util.List;
import org.springframework.security.core.Authentication;

/** Finds no credentials: there is no credentials store behind the stand-in. */
@SuppressWarnings("rawtypes")
public abstract class CredentialsProvider extends Descriptor<CredentialsProvider>
        implements ExtensionPoint, Describable<CredentialsProvider> {
    public static final Permission USE_ITEM =
            new Permission(null, "com.cloudbees.plugins.credentials.CredentialsProvider.UseItem", null);
    public static final Permission VIEW =
            new Permission(null, "com.cloudbees.plugins.credentials.CredentialsProvider.View", null);

    public CredentialsProvider() {}

    public static <C extends Credentials> List<C> lookupCredentialsInItemGroup(
            Class<C> type, ItemGroup itemGroup, Authentication authentication) {
        return List.of();
    }

    public static <C extends Credentials> List<C> lookupCredentialsInItemGroup(
            Class<C> type,
            ItemGroup itemGroup,
            Authentication authentication,
            List<DomainRequirement> domainRequirements) {
        return List.of();
    }

    public static <C extends Credentials> List<C> lookupCredentialsInItem(
            Class<C> type, Item item, Authentication authentication, List<DomainRequirement> domainRequirements) {
        return List.of();
    }

    public static <C extends Credentials> C track(Node node, C credentials) {
        return credentials;
    }

    @Override
    public Descriptor<CredentialsProvider> getDescriptor() {
        return this;
    }
}
