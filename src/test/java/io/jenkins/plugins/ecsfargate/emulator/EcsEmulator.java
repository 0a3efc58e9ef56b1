package io.jenkins.plugins.ecsfargate.emulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The in-process AWS endpoint: a JDK HTTP server on 127.0.0.1 (ephemeral port) that the real SDK v2 clients reach
 * through {@code endpointOverride}. It hosts any number of {@link AwsService}s and applies, uniformly for all of
 * them, call counting ({@link #stats}), rate limits ({@link #rateLimits}) and scripted faults ({@link #faults}),
 * all driven by one {@link EmulatorClock}. Services are registered before or after {@link #start}.
 */
public final class EcsEmulator implements AutoCloseable {
    private static final Logger LOGGER = Logger.getLogger(EcsEmulator.class.getName());
    private static final long DEFAULT_FAULT_SEED = 20141113L;
    private static final String NODELAY = "sun.net.httpserver.nodelay";

    private final EmulatorClock clock;
    private final List<AwsService> services = new CopyOnWriteArrayList<>();
    private final CallStats stats = new CallStats();
    private final RateLimits rateLimits;
    private final FaultScript faults;
    private final List<AutoCloseable> resources = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private ExecutorService executor;

    public EcsEmulator(EmulatorClock clock) {
        this(clock, DEFAULT_FAULT_SEED);
    }

    /** An emulator whose probabilistic faults draw from {@code faultSeed}. */
    public EcsEmulator(EmulatorClock clock, long faultSeed) {
        this.clock = clock;
        this.rateLimits = new RateLimits(clock);
        this.faults = new FaultScript(clock, faultSeed);
    }

    /** Adds a service; the first registered service that accepts a request answers it. */
    public EcsEmulator register(AwsService service) {
        services.add(service);
        return this;
    }

    /** The registered service with that {@link AwsService#name name}. */
    public <T extends AwsService> T service(String name, Class<T> type) {
        return services.stream()
                .filter(s -> s.name().equals(name))
                .map(type::cast)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    /** Starts listening on 127.0.0.1 and an ephemeral port; returns the endpoint. */
    public synchronized URI start() {
        return start(0);
    }

    /** Starts listening on 127.0.0.1 and {@code port} (0 for ephemeral); returns the endpoint. */
    public synchronized URI start(int port) {
        if (server != null) {
            throw new IllegalStateException("already started at " + endpoint());
        }
        // Without TCP_NODELAY each answer waits out the client's delayed ACK (about 40 ms on loopback), because the
        // JDK server writes headers and body separately. The JDK reads this once, when its server class loads.
        if (System.getProperty(NODELAY) == null) {
            System.setProperty(NODELAY, "true");
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "ecs-emulator-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.createContext("/", new RequestDispatcher(services, clock, stats, rateLimits, faults));
        server.setExecutor(executor);
        server.start();
        LOGGER.fine(() -> "emulator listening at " + endpoint());
        return endpoint();
    }

    /** {@code http://127.0.0.1:<port>}; only after {@link #start}. */
    public synchronized URI endpoint() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public EmulatorClock clock() {
        return clock;
    }

    public CallStats stats() {
        return stats;
    }

    public RateLimits rateLimits() {
        return rateLimits;
    }

    public FaultScript faults() {
        return faults;
    }

    /** Closes {@code resource} (a {@link LocalTaskRunner}) when the emulator closes, before its server stops. */
    public EcsEmulator closeWith(AutoCloseable resource) {
        resources.add(resource);
        return this;
    }

    /** Closes the resources handed to {@link #closeWith}, then stops the server at once (in-flight exchanges are abandoned). */
    @Override
    public synchronized void close() {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                LOGGER.log(Level.WARNING, e, () -> "cannot close " + resource);
            }
        }
        resources.clear();
        if (server == null) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                LOGGER.warning("emulator threads still running after stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server = null;
        executor = null;
    }
}
