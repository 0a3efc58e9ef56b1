package io.jenkins.plugins.ecsfargate.engine;

import io.jenkins.plugins.ecsfargate.engine.aws.AwsClientFactory;
import io.jenkins.plugins.ecsfargate.engine.aws.AwsClients;
import io.jenkins.plugins.ecsfargate.engine.aws.AwsConfig;
import io.jenkins.plugins.ecsfargate.engine.failure.FailureCause;
import io.jenkins.plugins.ecsfargate.engine.failure.FailureClassifier;
import io.jenkins.plugins.ecsfargate.engine.preflight.Finding;
import io.jenkins.plugins.ecsfargate.engine.preflight.Preflight;
import io.jenkins.plugins.ecsfargate.engine.preflight.PreflightTarget;
import io.jenkins.plugins.ecsfargate.engine.spec.SpecProblem;
import io.jenkins.plugins.ecsfargate.engine.spec.TaskDefinitionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.DescribeClustersResponse;
import software.amazon.awssdk.services.ecs.model.ListClustersResponse;

/**
 * Read-only look-ups a configuration form needs (Regions, clusters, a cluster's capacity providers, the account,
 * the preflight check), each on short-lived clients built from the configuration being edited, which may not be
 * saved yet. Nothing here changes anything in AWS. SDK failures come out as {@link LookupFailure}s carrying AWS's
 * error code and HTTP status, so that callers never read message text.
 */
public final class AwsInventory {
    private static final int PAGE_SIZE = 100;

    private AwsInventory() {}

    /** The SDK's known Region names (global pseudo-Regions left out), sorted. */
    public static List<String> regions() {
        return Region.regions().stream()
                .map(Region::id)
                .filter(AwsNames::isRegion)
                .sorted()
                .toList();
    }

    /** The names of the account's clusters in the configured Region, sorted. */
    public static List<String> clusterNames(AwsConfig config) {
        return withClients(config, clients -> {
            List<String> names = new ArrayList<>();
            String token = null;
            do {
                String next = token;
                ListClustersResponse page =
                        clients.ecs().listClusters(r -> r.maxResults(PAGE_SIZE).nextToken(next));
                page.clusterArns().forEach(arn -> names.add(arn.substring(arn.lastIndexOf('/') + 1)));
                token = page.nextToken();
            } while (token != null && !token.isEmpty());
            names.sort(String::compareTo);
            return names;
        });
    }

    /** The capacity providers associated with {@code cluster} (a name or an ARN). */
    public static List<String> capacityProviders(AwsConfig config, String cluster) {
        return withClients(config, clients -> {
            DescribeClustersResponse response = clients.ecs().describeClusters(r -> r.clusters(cluster));
            Cluster found = response.clusters().stream()
                    .filter(c -> "ACTIVE".equals(c.status()) || c.status() == null)
                    .findFirst()
                    .orElseThrow(() -> new LookupFailure(
                            response.failures().isEmpty()
                                    ? "INACTIVE"
                                    : response.failures().get(0).reason(),
                            200,
                            "cluster " + cluster + " not found"));
            return List.copyOf(found.capacityProviders());
        });
    }

    /** The account the configured credentials belong to. */
    public static String accountId(AwsConfig config) {
        return withClients(config, clients -> clients.sts().getCallerIdentity().account());
    }

    /** Runs the preflight check; AWS problems are findings, not exceptions. */
    public static List<Finding> preflight(AwsConfig config, PreflightTarget target) {
        return preflight(config, target, Map.of(), Map.of());
    }

    /**
     * Runs the preflight check with the templates' own settings checked first.
     *
     * @param specs each template's task definition, by template name
     * @param launchProblems what each template's launch settings would be refused for, by template name
     */
    public static List<Finding> preflight(
            AwsConfig config,
            PreflightTarget target,
            Map<String, TaskDefinitionSpec> specs,
            Map<String, List<SpecProblem>> launchProblems) {
        return withClients(config, clients -> new Preflight(
                        clients.ecs(), clients.iam(), clients.sts(), clients.cloudMap(), config.region())
                .run(target, specs, launchProblems));
    }

    private static <T> T withClients(AwsConfig config, Function<AwsClients, T> lookup) {
        try (AwsClientFactory factory = new AwsClientFactory()) {
            return lookup.apply(factory.clientsFor(config));
        } catch (AwsServiceException e) {
            String code =
                    e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            throw new LookupFailure(code, e.statusCode(), e.getMessage(), e);
        } catch (SdkException e) {
            throw new LookupFailure(null, 0, e.getMessage(), e);
        }
    }

    /**
     * A look-up that AWS refused or that did not reach AWS.
     *
     * @see #errorCode()
     */
    public static final class LookupFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final String errorCode;
        private final int statusCode;

        LookupFailure(String errorCode, int statusCode, String message) {
            super(message);
            this.errorCode = errorCode;
            this.statusCode = statusCode;
        }

        LookupFailure(String errorCode, int statusCode, String message, Throwable cause) {
            super(message, cause);
            this.errorCode = errorCode;
            this.statusCode = statusCode;
        }

        /** AWS's error code (or an ECS failure reason such as {@code MISSING}); null when AWS was not reached. */
        public String errorCode() {
            return errorCode;
        }

        /** The HTTP status of AWS's answer; 0 when AWS was not reached. */
        public int statusCode() {
            return statusCode;
        }

        /** Whether AWS was reached at all (else: network, endpoint or credentials on the controller's side). */
        public boolean reachedAws() {
            return statusCode != 0;
        }

        /** Whether the credentials lack a permission for the look-up. */
        public boolean isAccessDenied() {
            return FailureClassifier.causeOf(errorCode, statusCode) == FailureCause.ACCESS_DENIED;
        }
    }
}
