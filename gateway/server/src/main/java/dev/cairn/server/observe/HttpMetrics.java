package dev.cairn.server.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The request metrics, named as Prometheus shows them (names and labels are public API):
 * {@code requests_total{route,code}}, {@code bytes_in_total{route}}, {@code bytes_out_total{route}},
 * {@code latency_seconds{route}} (histogram) and {@code inflight}.
 */
final class HttpMetrics {
    private final MeterRegistry registry;
    private final AtomicInteger inflight = new AtomicInteger();
    private final Map<Route, Counter> bytesIn = new EnumMap<>(Route.class);
    private final Map<Route, Counter> bytesOut = new EnumMap<>(Route.class);
    private final Map<Route, Timer> latency = new EnumMap<>(Route.class);

    HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("inflight", inflight);
        for (Route r : Route.values()) {
            // Micrometer's Prometheus naming adds _total to counters and _seconds to timers
            bytesIn.put(r, Counter.builder("bytes.in").description("Request body bytes read").tag("route", r.label()).register(registry));
            bytesOut.put(r, Counter.builder("bytes.out").description("Response body bytes written").tag("route", r.label()).register(registry));
            latency.put(r, Timer.builder("latency").description("Time from request start to response completion")
                    .tag("route", r.label())
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1))
                    .maximumExpectedValue(Duration.ofMinutes(1))
                    .register(registry));
        }
    }

    void started() {
        inflight.incrementAndGet();
    }

    void completed(Route route, int status, long in, long out, long nanos) {
        inflight.decrementAndGet();
        // status codes are a bounded set (100-599), so the code label stays low-cardinality
        Counter.builder("requests").description("Completed requests").tag("route", route.label()).tag("code", Integer.toString(status))
                .register(registry).increment();
        bytesIn.get(route).increment(in);
        bytesOut.get(route).increment(out);
        latency.get(route).record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
}
