package io.jenkins.plugins.ecsfargate.engine.call;

import io.jenkins.plugins.ecsfargate.engine.Scheduler;
import io.jenkins.plugins.ecsfargate.engine.failure.FailureCause;
import io.jenkins.plugins.ecsfargate.engine.failure.FailureClassifier;
import io.jenkins.plugins.ecsfargate.engine.failure.LaunchFailure;
import io.jenkins.plugins.ecsfargate.engine.failure.LaunchPhase;
import io.jenkins.plugins.ecsfargate.engine.retry.Backoff;
import io.jenkins.plugins.ecsfargate.engine.retry.EcsRateLimiter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Every AWS call the engine makes goes through here: it takes a token from the shared rate limiter, runs the call
 * on the scheduler, and on a retryable failure (throttling, server error, lost connection) retries after a
 * full-jitter backoff, again through the limiter. A throttle also empties the operation's buckets so the other
 * callers slow down with it. Anything else, or the last failed attempt, completes the future with a
 * {@link LaunchFailureException} carrying the classified failure.
 *
 * <p>Retrying a call must be safe: RunTask carries a client token for that reason.
 */
public final class AwsCalls {
    private static final Logger LOGGER = Logger.getLogger(AwsCalls.class.getName());

    private final EcsRateLimiter limiter;
    private final Scheduler scheduler;
    private final Backoff backoff;
    private final int maxAttempts;

    public AwsCalls(EcsRateLimiter limiter, Scheduler scheduler, Backoff backoff, int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts >= 1");
        }
        this.limiter = limiter;
        this.scheduler = scheduler;
        this.backoff = backoff;
        this.maxAttempts = maxAttempts;
    }

    /** Runs {@code call} ({@code operation} names its throttle bucket, e.g. {@code RunTask}) with retries. */
    public <T> CompletableFuture<T> call(LaunchPhase phase, String operation, Supplier<T> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        attempt(phase, operation, call, 1, result);
        return result;
    }

    private <T> void attempt(
            LaunchPhase phase, String operation, Supplier<T> call, int attempt, CompletableFuture<T> result) {
        Duration wait = limiter.reserve(operation);
        scheduler.schedule(wait, () -> {
            try {
                result.complete(call.get());
            } catch (SdkException e) {
                LaunchFailure failure = FailureClassifier.fromException(phase, e);
                if (failure.cause() == FailureCause.THROTTLED) {
                    limiter.throttled(operation);
                }
                if (failure.isRetryable() && attempt < maxAttempts) {
                    Duration delay = backoff.delay(attempt);
                    LOGGER.log(Level.FINE, "{0} attempt {1} failed ({2}); retrying in {3}", new Object[] {
                        operation, attempt, failure.cause(), delay
                    });
                    scheduler.schedule(delay, () -> attempt(phase, operation, call, attempt + 1, result));
                } else {
                    result.completeExceptionally(new LaunchFailureException(failure, e));
                }
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
    }
}
