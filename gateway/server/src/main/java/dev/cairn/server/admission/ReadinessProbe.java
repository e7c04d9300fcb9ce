package dev.cairn.server.admission;

import dev.cairn.blob.HealthReport;
import java.util.ArrayList;
import java.util.List;

/**
 * Read and write readiness for {@code /readyz}. Writes fail first: they are not ready when the
 * backend cannot take writes, when writes in flight near their cap, or when too many recent
 * requests ended in a backend 5xx. Reads are not ready only when the backend cannot be read, so a
 * node under write pressure stays in rotation for reads.
 */
public final class ReadinessProbe {
    /** Share of the write budget in use at which writes report not ready. */
    static final double NEAR_CAP = 0.9;
    /** Fewer requests in the error window say nothing about the backend. */
    static final long MIN_REQUESTS = 20;

    private final AdmissionController controller;
    private final ErrorWindow errors;
    private final double maxErrorRate;

    ReadinessProbe(AdmissionController controller, ErrorWindow errors, double maxErrorRate) {
        this.controller = controller;
        this.errors = errors;
        this.maxErrorRate = maxErrorRate;
    }

    /** Readiness from the backend's report alone (no admission control). */
    public static ReadinessProbe backendOnly() {
        return new ReadinessProbe(null, null, 1);
    }

    /**
     * Readiness of both kinds of request.
     *
     * @param backend the store's own health report
     */
    public Readiness evaluate(HealthReport backend) {
        List<String> read = new ArrayList<>(1);
        List<String> write = new ArrayList<>(3);
        if (!backend.readable()) {
            read.add("backend_not_readable");
        }
        if (!backend.writable()) {
            write.add("backend_not_writable");
        }
        if (controller != null && controller.load().writesNear(NEAR_CAP)) {
            write.add("inflight_near_cap");
        }
        if (errors != null) {
            long[] totals = errors.totals();
            if (totals[0] >= MIN_REQUESTS && totals[1] >= maxErrorRate * totals[0]) {
                write.add("backend_error_rate");
            }
        }
        return new Readiness(read, write);
    }

    /**
     * The verdict: each kind is ready when it has no reasons against it.
     *
     * @param readReasons stable snake_case reasons reads are not ready (public API, see docs/operations.md)
     * @param writeReasons the same for writes
     */
    public record Readiness(List<String> readReasons, List<String> writeReasons) {
        public Readiness {
            readReasons = List.copyOf(readReasons);
            writeReasons = List.copyOf(writeReasons);
        }

        /** True when nothing stands against reads. */
        public boolean readReady() {
            return readReasons.isEmpty();
        }

        /** True when nothing stands against writes. */
        public boolean writeReady() {
            return writeReasons.isEmpty();
        }
    }
}
