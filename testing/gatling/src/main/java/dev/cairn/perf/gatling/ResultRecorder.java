package dev.cairn.perf.gatling;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Counts and latency histograms per route, recorded from many Gatling threads at once. Nothing is
 * recorded before the end of the warm-up. Latency is Gatling's response time in whole milliseconds.
 */
final class ResultRecorder {
    /** One route's numbers. */
    static final class RouteStats {
        final Histogram latency = new ConcurrentHistogram(3);
        final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        final LongAdder count = new LongAdder();
        final LongAdder connectionFailures = new LongAdder();
    }

    private final PerfConfig.Api api;
    private final LongSupplier clock;
    private final Map<String, RouteStats> routes = new ConcurrentHashMap<>();
    private final LongAdder unexpected = new LongAdder();
    private final LongAdder connectionFailures = new LongAdder();
    private final AtomicLong lastRecordMillis = new AtomicLong();
    private volatile long measureFromMillis = Long.MAX_VALUE;

    /** @param clock wall clock in milliseconds ({@code System::currentTimeMillis} in a run) */
    ResultRecorder(PerfConfig.Api api, LongSupplier clock) {
        this.api = api;
        this.clock = clock;
    }

    /** Starts the measured window at {@code millis}; nothing earlier is recorded. */
    void measureFrom(long millis) {
        measureFromMillis = millis;
    }

    long measureFromMillis() {
        return measureFromMillis;
    }

    /** Records an answered request. */
    void response(Route route, int status, long responseTimeMillis) {
        long now = clock.getAsLong();
        if (now < measureFromMillis) {
            return;
        }
        RouteStats s = routes.computeIfAbsent(route.label, k -> new RouteStats());
        s.count.increment();
        s.latency.recordValue(Math.max(0, responseTimeMillis));
        s.statuses.computeIfAbsent(status, k -> new LongAdder()).increment();
        if (!route.expected(api, status)) {
            unexpected.increment();
        }
        lastRecordMillis.accumulateAndGet(now, Math::max);
    }

    /** Records a request of {@code route} that got no response (refused, reset, closed early, timed out). */
    void connectionFailure(Route route) {
        long now = clock.getAsLong();
        if (now >= measureFromMillis) {
            connectionFailures.increment();
            routes.computeIfAbsent(route.label, k -> new RouteStats()).connectionFailures.increment();
            lastRecordMillis.accumulateAndGet(now, Math::max);
        }
    }

    /** Routes by label, sorted. */
    Map<String, RouteStats> routes() {
        return new TreeMap<>(routes);
    }

    long requests() {
        return routes.values().stream().mapToLong(r -> r.count.sum()).sum();
    }

    long unexpected() {
        return unexpected.sum();
    }

    long connectionFailures() {
        return connectionFailures.sum();
    }

    /** Seconds from the end of the warm-up to the last recorded request; 0 when nothing was recorded. */
    double elapsedSeconds() {
        long last = lastRecordMillis.get();
        return last <= measureFromMillis || measureFromMillis == Long.MAX_VALUE ? 0 : (last - measureFromMillis) / 1000.0;
    }
}
