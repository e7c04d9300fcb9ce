package dev.cairn.cache;

import io.micrometer.core.instrument.MeterRegistry;

/** Reads the cache's meters the way a dashboard would. */
final class Meters {
    private Meters() {
    }

    static double hits(MeterRegistry registry) {
        return registry.get("cache.gets").tag("cache", "chunks").tag("result", "hit").functionCounter().count();
    }

    static double fills(MeterRegistry registry, String source) {
        return registry.get("cache.fills").tag("source", source).counter().count();
    }

    static double bytes(MeterRegistry registry) {
        return registry.get("cache.bytes").gauge().value();
    }
}
