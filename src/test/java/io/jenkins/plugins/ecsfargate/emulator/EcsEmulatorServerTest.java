package io.jenkins.plugins.ecsfargate.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EcsEmulatorServerTest {
    private final EmulatorClock clock = EmulatorClock.manual();
    private final EcsEmulator emulator = new EcsEmulator(clock);
    private final CountingService service = new CountingService();
    private final HttpClient http = HttpClient.newHttpClient();
    private URI endpoint;

    @BeforeEach
    void start() {
        emulator.register(service);
        endpoint = emulator.start();
    }

    @AfterEach
    void stop() {
        emulator.close();
        assertThat(emulator.stats().internalErrors()).isEmpty();
    }

    @Test
    void listensOnLoopbackAndAnswersWithRequestId() throws Exception {
        HttpResponse<String> response = call("Ping", null);

        assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"op\":\"Ping\"}");
        assertThat(response.headers().firstValue("x-amzn-RequestId"))
                .hasValueSatisfying(id -> assertThat(id).hasSize(36));
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.1");
    }

    @Test
    void unknownJsonTargetIsUnknownOperationException() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(endpoint)
                        .header("X-Amz-Target", "SomethingElse_20200101.Foo")
                        .header("Content-Type", "application/x-amz-json-1.1")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"__type\":\"UnknownOperationException\"");
        assertThat(emulator.stats().calls("unknown:Foo")).isEqualTo(1);
    }

    @Test
    void unknownQueryActionIsInvalidAction() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(endpoint)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("Action=Nope&Version=2010-05-08"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>InvalidAction</Code>");
    }

    @Test
    void countsCallsAndRetriesFromSdkHeader() throws Exception {
        call("Ping", "attempt=1; max=4");
        call("Ping", "attempt=2; max=4");
        call("Other", null);

        assertThat(emulator.stats().calls("test:Ping")).isEqualTo(2);
        assertThat(emulator.stats().retries("test:Ping")).isEqualTo(1);
        assertThat(emulator.stats().calls("test:Other")).isEqualTo(1);
        assertThat(emulator.stats().totalCalls()).isEqualTo(3);
        assertThat(emulator.stats().log("test:Ping"))
                .extracting(LoggedCall::attempt)
                .containsExactly(1, 2);
    }

    @Test
    void tokenBucketThrottlesAndRefillsWithTheClock() throws Exception {
        emulator.rateLimits().define("b", 2, 1, "test:Ping");

        assertThat(call("Ping", null).statusCode()).isEqualTo(200);
        assertThat(call("Ping", null).statusCode()).isEqualTo(200);
        HttpResponse<String> throttled = call("Ping", null);
        assertThat(throttled.statusCode()).isEqualTo(400);
        assertThat(throttled.body()).contains("ThrottlingException");
        assertThat(call("Other", null).statusCode()).isEqualTo(200);

        clock.advance(Duration.ofMillis(999));
        assertThat(call("Ping", null).statusCode()).isEqualTo(400);
        clock.advance(Duration.ofMillis(1));
        assertThat(call("Ping", null).statusCode()).isEqualTo(200);

        assertThat(emulator.stats().throttled("test:Ping")).isEqualTo(2);
        assertThat(service.handled.get()).isEqualTo(4);
    }

    @Test
    void disabledRateLimitsLetEverythingThrough() throws Exception {
        emulator.rateLimits().define("b", 1, 0, "test:Ping");
        emulator.rateLimits().setEnabled(false);

        assertThat(call("Ping", null).statusCode()).isEqualTo(200);
        assertThat(call("Ping", null).statusCode()).isEqualTo(200);
    }

    @Test
    void nthCallFaultHitsOnlyThatCall() throws Exception {
        emulator.faults().onCall("test:Ping", 2, Fault.serverError());

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            statuses.add(call("Ping", null).statusCode());
        }

        assertThat(statuses).containsExactly(200, 500, 200);
        assertThat(service.handled.get()).isEqualTo(2);
    }

    @Test
    void periodFaultEndsWhenTheClockPassesIt() throws Exception {
        emulator.faults().during("test:*", Duration.ofSeconds(10), Fault.throttling());

        assertThat(call("Ping", null).statusCode()).isEqualTo(400);
        assertThat(call("Other", null).statusCode()).isEqualTo(400);
        clock.advance(Duration.ofSeconds(10));
        assertThat(call("Ping", null).statusCode()).isEqualTo(200);
    }

    @Test
    void probabilisticFaultsRepeatWithTheSameSeed() throws Exception {
        List<Integer> first = runProbabilistic(7);
        List<Integer> second = runProbabilistic(7);

        assertThat(first).isEqualTo(second);
        assertThat(first).contains(200, 418);
    }

    private List<Integer> runProbabilistic(long seed) throws Exception {
        try (EcsEmulator other = new EcsEmulator(EmulatorClock.manual(), seed)) {
            other.register(new CountingService());
            URI uri = other.start();
            other.faults().withProbability("test:Ping", 0.5, Fault.error(418, "Teapot", "short and stout"));
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                statuses.add(callAt(uri, "Ping").statusCode());
            }
            return statuses;
        }
    }

    @Test
    void droppedConnectionNeverRunsTheOperation() {
        emulator.faults().onCall("test:Ping", 1, Fault.dropConnection());

        assertThatThrownBy(() -> call("Ping", null)).isInstanceOf(IOException.class);
        assertThat(service.handled.get()).isZero();
        assertThat(emulator.stats().log("test:Ping"))
                .extracting(LoggedCall::status)
                .containsExactly(0);
    }

    @Test
    void droppedAnswerRunsTheOperationAndLosesTheAnswer() {
        emulator.faults().onCall("test:Ping", 1, Fault.dropAnswer());

        assertThatThrownBy(() -> call("Ping", null)).isInstanceOf(IOException.class);
        assertThat(service.handled.get()).isEqualTo(1);
    }

    @Test
    void slowAnswerIsDelayedThenServed() throws Exception {
        emulator.faults().onCall("test:Ping", 1, Fault.slow(Duration.ofMillis(200)));

        long started = System.nanoTime();
        HttpResponse<String> response = call("Ping", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void emulatorBugsAreRecordedAndAnsweredAsServerFaults() throws Exception {
        HttpResponse<String> response = call("Explode", null);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(emulator.stats().internalErrors()).hasSize(1);
        emulator.stats().reset();
    }

    private HttpResponse<String> call(String operation, String sdkRequest) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
                .header("X-Amz-Target", "Test_1." + operation)
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString("{}"));
        if (sdkRequest != null) {
            builder.header("amz-sdk-request", sdkRequest);
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> callAt(URI uri, String operation) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri)
                        .header("X-Amz-Target", "Test_1." + operation)
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A minimal awsJson service: answers {"op": name}, fails on Explode. */
    private static final class CountingService implements AwsService {
        final AtomicInteger handled = new AtomicInteger();

        @Override
        public String name() {
            return "test";
        }

        @Override
        public boolean accepts(EmulatorRequest request) {
            String target = request.header("x-amz-target");
            return target != null && target.startsWith("Test_1.");
        }

        @Override
        public String operation(EmulatorRequest request) {
            return request.header("x-amz-target").substring("Test_1.".length());
        }

        @Override
        public EmulatorResponse handle(String operation, EmulatorRequest request) {
            if (operation.equals("Explode")) {
                throw new IllegalStateException("boom");
            }
            handled.incrementAndGet();
            return EmulatorResponse.of(200, "application/x-amz-json-1.1", "{\"op\":\"" + operation + "\"}");
        }

        @Override
        public EmulatorResponse error(int status, String code, String message) {
            return EmulatorResponse.of(
                    status,
                    "application/x-amz-json-1.1",
                    "{\"__type\":\"" + code + "\",\"message\":\"" + message + "\"}");
        }
    }
}
