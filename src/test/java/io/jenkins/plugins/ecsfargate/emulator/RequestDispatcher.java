package io.jenkins.plugins.ecsfargate.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The server's one handler: finds the service, counts and logs the call, applies scripted faults and rate limits
 * the same way for every service, lets the service answer, and sends the answer with {@code x-amzn-RequestId}.
 */
final class RequestDispatcher implements HttpHandler {
    private static final Logger LOGGER = Logger.getLogger(RequestDispatcher.class.getName());

    private final List<AwsService> services;
    private final Clock clock;
    private final CallStats stats;
    private final RateLimits rateLimits;
    private final FaultScript faults;

    RequestDispatcher(
            List<AwsService> services, Clock clock, CallStats stats, RateLimits rateLimits, FaultScript faults) {
        this.services = services;
        this.clock = clock;
        this.stats = stats;
        this.rateLimits = rateLimits;
        this.faults = faults;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long received = System.nanoTime();
        EmulatorRequest request = read(exchange);
        AwsService service =
                services.stream().filter(s -> s.accepts(request)).findFirst().orElse(null);
        String operation = service == null ? UnknownService.operation(request) : service.operation(request);
        String key = (service == null ? "unknown" : service.name()) + ":" + operation;
        long started = System.nanoTime();
        Outcome outcome;
        try {
            outcome = service == null
                    ? new Outcome(UnknownService.answer(request), false)
                    : serve(service, operation, key, request);
        } catch (RuntimeException e) {
            LOGGER.log(Level.SEVERE, e, () -> "emulator failed on " + key);
            stats.internalError(e);
            AwsService failing = service;
            outcome = new Outcome(failing == null ? UnknownService.answer(request) : failing.serverError(), false);
        }
        stats.record(new LoggedCall(
                clock.instant(),
                received,
                key,
                CallStats.attempt(request.header("amz-sdk-request")),
                request.header("amz-sdk-invocation-id"),
                request.requestId(),
                outcome.response == null ? 0 : outcome.response.status(),
                outcome.throttled,
                System.nanoTime() - started - outcome.delayNanos,
                request.bodyText()));
        if (outcome.response == null) {
            exchange.close();
        } else {
            send(exchange, outcome.response, request.requestId());
        }
    }

    private Outcome serve(AwsService service, String operation, String key, EmulatorRequest request) {
        Optional<Fault> fault = faults.next(key);
        if (fault.isPresent()) {
            Fault f = fault.get();
            switch (f.kind()) {
                case THROTTLING:
                    return new Outcome(service.throttled(), true);
                case SERVER_ERROR:
                    return new Outcome(service.serverError(), false);
                case ERROR:
                    return new Outcome(service.error(f.status(), f.code(), f.message()), false);
                case DROP_BEFORE:
                    return new Outcome(null, false);
                case DROP_AFTER:
                    Outcome served = limited(service, operation, key, request);
                    return new Outcome(null, served.throttled);
                case SLOW:
                    pause(f);
                    Outcome slow = limited(service, operation, key, request);
                    return new Outcome(slow.response, slow.throttled, f.delay().toNanos());
                default:
                    throw new IllegalStateException("unhandled fault " + f.kind());
            }
        }
        return limited(service, operation, key, request);
    }

    private Outcome limited(AwsService service, String operation, String key, EmulatorRequest request) {
        if (!rateLimits.tryAcquire(key)) {
            return new Outcome(service.throttled(), true);
        }
        return new Outcome(service.handle(operation, request), false);
    }

    private static void pause(Fault fault) {
        try {
            Thread.sleep(fault.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while delaying an answer", e);
        }
    }

    private static EmulatorRequest read(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        return new EmulatorRequest(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(),
                Map.copyOf(headers),
                body,
                UUID.randomUUID().toString());
    }

    private static void send(HttpExchange exchange, EmulatorResponse response, String requestId) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
        response.headers()
                .forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
        exchange.close();
    }

    /** An answer, or null for a dropped connection. */
    private record Outcome(EmulatorResponse response, boolean throttled, long delayNanos) {
        Outcome(EmulatorResponse response, boolean throttled) {
            this(response, throttled, 0);
        }
    }
}
