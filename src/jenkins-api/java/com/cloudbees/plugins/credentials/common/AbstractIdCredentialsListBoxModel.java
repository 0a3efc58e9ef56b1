// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.util.ListBoxModel;
import java.util.List;
import org.springframework.security.core.Authentication;

/**
 * The fluent methods return the erased {@code AbstractIdCredentialsListBoxModel<T, C>}, exactly as the plugin
 * declares them: a narrower return type would link to a method that does not exist.
 * {@link #includeEmptyValue()}, {@link #includeCurrentValue(String)} and {@link #with(IdCredentials)} add options;
 * the lookups add none (no credentials store behind the stand-in).
 */
@SuppressWarnings("rawtypes")
public abstract class AbstractIdCredentialsListBoxModel<
                T extends AbstractIdCredentialsListBoxModel<T, C>, C extends IdCredentials>
        extends ListBoxModel {
    private static final long serialVersionUID = 1L;

    protected abstract String describe(C c);

    public AbstractIdCredentialsListBoxModel<T, C> with(C u) {
        if (u != null) {
            add(describe(u), u.getId());
        }
        return this;
    }

    public AbstractIdCredentialsListBoxModel<T, C> includeEmptyValue() {
        add("- none -", "");
        return this;
    }

    public AbstractIdCredentialsListBoxModel<T, C> includeCurrentValue(String value) {
        if (value != null && !value.isEmpty() && stream().noneMatch(o -> value.equals(o.value))) {
            add(value, value);
        }
        return this;
    }

    public AbstractIdCredentialsListBoxModel<T, C> includeAs(
            Authentication authentication, Item context, Class<? extends C> type) {
        return this;
    }

    public AbstractIdCredentialsListBoxModel<T, C> includeAs(
            Authentication authentication, ItemGroup context, Class<? extends C> type) {
        return this;
    }

    public AbstractIdCredentialsListBoxModel<T, C> includeAs(
            Authentication authentication,
            Item context,
            Class<? extends C> type,
            List<DomainRequirement> domainRequirements) {
        return this;
    }

    public AbstractIdCredentialsListBoxModel<T, C> includeAs(
            Authentication authentication,
            ItemGroup context,
            Class<? extends C> type,
            List<DomainRequirement> domainRequirements) {
        return this;
    }

    public AbstractIdCredentialsListBoxModel<T, C> includeMatchingAs(
            Authentication authentication,
            Item context,
            Class<? extends C> type,
            List<DomainRequirement> domainRequirements,
            CredentialsMatcher matcher) {
        return this;
    }

    public AbstractIdCredentialsListBoxModel<T, C> includeMatchingAs(
            Authentication authentication,
            ItemGroup context,
            Class<? extends C> type,
            List<DomainRequirement> domainRequirements,
            CredentialsMatcher matcher) {
        return this;
    }
}
