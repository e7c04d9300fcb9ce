package dev.cairn.blob.replicated;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * The replication meters. Names are public API (Prometheus form in brackets):
 * {@code repair.bytes} [{@code repair_bytes_total}], {@code repair.tasks{reason}}
 * [{@code repair_tasks_total}], {@code repair.dropped} [{@code repair_dropped_total}],
 * {@code repair.queue.depth} [{@code repair_queue_depth}], {@code rf.target} [{@code rf_target}],
 * {@code rf.observed} [{@code rf_observed}], {@code replica.up{replica}} [{@code replica_up}],
 * {@code scrub.bytes} [{@code scrub_bytes_total}], {@code scrub.skipped} [{@code scrub_skipped_total}].
 */
final class ReplicationMetrics {
    private final MeterRegistry registry;
    private final Counter repairBytes;
    private final Counter dropped;
    private final Counter scrubBytes;
    private final Counter scrubSkipped;
    private final Map<RepairSink.Reason, Counter> tasks = new EnumMap<>(RepairSink.Reason.class);

    ReplicationMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.repairBytes = Counter.builder("repair.bytes").baseUnit("bytes")
                .description("bytes copied by repair workers").register(registry);
        this.dropped = Counter.builder("repair.dropped")
                .description("repair tasks dropped because the queue was full (the scan finds them again)").register(registry);
        this.scrubBytes = Counter.builder("scrub.bytes").baseUnit("bytes")
                .description("bytes the scrub read back from replicas and checked against the stored BLAKE3").register(registry);
        this.scrubSkipped = Counter.builder("scrub.skipped")
                .description("copies the scrub could not check because the object has no stored BLAKE3").register(registry);
        for (RepairSink.Reason r : RepairSink.Reason.values()) {
            tasks.put(r, Counter.builder("repair.tasks").tag("reason", r.name().toLowerCase(Locale.ROOT))
                    .description("repair tasks queued, by reason").register(registry));
        }
    }

    Counter repairBytes() {
        return repairBytes;
    }

    Counter scrubBytes() {
        return scrubBytes;
    }

    Counter scrubSkipped() {
        return scrubSkipped;
    }

    void taskQueued(RepairSink.Reason reason) {
        tasks.get(reason).increment();
    }

    void taskDropped() {
        dropped.increment();
    }

    /** Registers the gauges, which read their values from the live set. */
    void bindGauges(int rfTarget, IntSupplier queueDepth, IntSupplier rfObserved, ReplicaSet replicas) {
        Gauge.builder("repair.queue.depth", queueDepth::getAsInt).strongReference(true).description("repair tasks waiting").register(registry);
        Gauge.builder("rf.target", () -> rfTarget).strongReference(true).description("copies every object should have").register(registry);
        Gauge.builder("rf.observed", rfObserved::getAsInt)
                .strongReference(true).description("replicas reachable and without outstanding repair work").register(registry);
        for (int i = 0; i < replicas.size(); i++) {
            int index = i;
            Gauge.builder("replica.up", () -> replicas.up(index) ? 1 : 0).tag("replica", replicas.name(i))
                    .strongReference(true).description("1 when the replica answered its last call or probe").register(registry);
        }
    }
}
