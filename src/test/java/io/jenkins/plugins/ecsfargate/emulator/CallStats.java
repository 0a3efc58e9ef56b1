package io.jenkins.plugins.ecsfargate.emulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the emulator was asked, for tests and benchmarks that assert API cost: calls, retries (attempts after the
 * first, from the SDK's {@code amz-sdk-request: attempt=N; max=M} header) and throttled answers per operation key
 * ({@code service:Operation}), plus a bounded log of recent requests.
 */
public final class CallStats {
    private static final Pattern ATTEMPT = Pattern.compile("attempt=(\\d+)");

    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> retries = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> throttled = new ConcurrentHashMap<>();
    private final Deque<LoggedCall> log = new ArrayDeque<>();
    private final List<Throwable> internalErrors = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile int logCapacity = 10_000;

    /** The SDK attempt number from the {@code amz-sdk-request} header value; 0 when absent. */
    static int attempt(String header) {
        if (header == null) {
            return 0;
        }
        Matcher m = ATTEMPT.matcher(header);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    void record(LoggedCall call) {
        calls.computeIfAbsent(call.operationKey(), k -> new LongAdder()).increment();
        if (call.attempt() > 1) {
            retries.computeIfAbsent(call.operationKey(), k -> new LongAdder()).increment();
        }
        if (call.throttled()) {
            throttled.computeIfAbsent(call.operationKey(), k -> new LongAdder()).increment();
        }
        synchronized (log) {
            log.addLast(call);
            while (log.size() > logCapacity) {
                log.removeFirst();
            }
        }
    }

    void internalError(Throwable error) {
        internalErrors.add(error);
    }

    /** Calls received for {@code service:Operation}, retries and throttled ones included. */
    public long calls(String operationKey) {
        return count(calls, operationKey);
    }

    /** Calls whose SDK attempt number was above 1. */
    public long retries(String operationKey) {
        return count(retries, operationKey);
    }

    /** Calls answered with the service's throttling error (rate limit or scripted). */
    public long throttled(String operationKey) {
        return count(throttled, operationKey);
    }

    /** All calls received, every operation. */
    public long totalCalls() {
        return calls.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Calls per operation key, sorted by key. */
    public Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        calls.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    /** The most recent requests, oldest first (at most {@link #setLogCapacity the capacity}). */
    public List<LoggedCall> log() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    /** The logged requests for one operation key, oldest first. */
    public List<LoggedCall> log(String operationKey) {
        return log().stream().filter(c -> c.operationKey().equals(operationKey)).toList();
    }

    public void setLogCapacity(int capacity) {
        this.logCapacity = capacity;
    }

    /** Exceptions the emulator itself threw while answering (bugs in the emulator); tests expect none. */
    public List<Throwable> internalErrors() {
        return List.copyOf(internalErrors);
    }

    /** Forgets every count and the log. */
    public void reset() {
        calls.clear();
        retries.clear();
        throttled.clear();
        synchronized (log) {
            log.clear();
        }
        internalErrors.clear();
    }

    private static long count(Map<String, LongAdder> map, String key) {
        LongAdder adder = map.get(key);
        return adder == null ? 0 : adder.sum();
    }
}
