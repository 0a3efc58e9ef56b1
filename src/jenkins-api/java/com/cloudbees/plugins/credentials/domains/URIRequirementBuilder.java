// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package com.cloudbees.plugins.credentials.domains;

import java.util.List;

public class URIRequirementBuilder {
    private URIRequirementBuilder() {}

    public static URIRequirementBuilder create() {
        return new URIRequirementBuilder();
    }

    public static URIRequirementBuilder fromUri(String uri) {
        return new URIRequirementBuilder();
    }

    public List<DomainRequirement> build() {
        return List.of();
    }
}
