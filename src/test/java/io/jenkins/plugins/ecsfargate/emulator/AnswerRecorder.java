package io.jenkins.plugins.ecsfargate.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records every answer the services it wraps give (service, operation, status, body), so that a test can check
 * them all against AWS's models after driving the emulator through the real SDK clients:
 * <pre>{@code
 * AnswerRecorder recorder = new AnswerRecorder();
 * emulator.register(recorder.wrap(ecsService));
 * ... SDK calls ...
 * recorder.assertAllConform(BotocoreConformance.load());
 * }</pre>
 * Keep a reference to the unwrapped service for its own API: the wrapper is a different object.
 */
public final class AnswerRecorder {

    /** One answer as it went on the wire. */
    public record Answer(String service, String operation, int status, String body) {}

    private final List<Answer> answers = new CopyOnWriteArrayList<>();

    /** A service that answers as {@code delegate} does and records each answer. */
    public AwsService wrap(AwsService delegate) {
        return new Recording(delegate);
    }

    public List<Answer> answers() {
        return List.copyOf(answers);
    }

    /** The distinct {@code service:operation} pairs answered so far. */
    public List<String> operations() {
        return answers.stream()
                .map(a -> a.service() + ":" + a.operation())
                .distinct()
                .toList();
    }

    /** Checks every recorded answer; fails listing each that departs from the model. */
    public void assertAllConform(BotocoreConformance conformance) {
        if (answers.isEmpty()) {
            throw new AssertionError("No answers were recorded: nothing was checked");
        }
        List<String> failures = new ArrayList<>();
        for (Answer answer : answers) {
            List<String> violations =
                    conformance.answerViolations(answer.service(), answer.operation(), answer.status(), answer.body());
            if (!violations.isEmpty()) {
                failures.add(answer.service() + ":" + answer.operation() + " (" + answer.status() + ") " + violations
                        + "\n    body: " + answer.body());
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(
                    failures.size() + " answers do not conform to AWS's models:\n  " + String.join("\n  ", failures));
        }
    }

    private final class Recording implements AwsService {
        private final AwsService delegate;

        Recording(AwsService delegate) {
            this.delegate = delegate;
        }

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public boolean accepts(EmulatorRequest request) {
            return delegate.accepts(request);
        }

        @Override
        public String operation(EmulatorRequest request) {
            return delegate.operation(request);
        }

        @Override
        public EmulatorResponse handle(String operation, EmulatorRequest request) {
            return record(operation, delegate.handle(operation, request));
        }

        @Override
        public EmulatorResponse error(int status, String code, String message) {
            return delegate.error(status, code, message);
        }

        @Override
        public EmulatorResponse throttled() {
            return delegate.throttled();
        }

        @Override
        public EmulatorResponse serverError() {
            return delegate.serverError();
        }

        private EmulatorResponse record(String operation, EmulatorResponse response) {
            answers.add(new Answer(
                    delegate.name(),
                    operation,
                    response.status(),
                    new String(response.body(), StandardCharsets.UTF_8)));
            return response;
        }
    }
}
