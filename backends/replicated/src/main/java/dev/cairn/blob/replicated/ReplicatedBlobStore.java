package dev.cairn.blob.replicated;

import dev.cairn.blob.BlobStore;
import dev.cairn.blob.SupportsMultipart;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Objects;

/**
 * Replication over a list of backends (issue 6, DESIGN §4, docs/adr/0015): every object on every
 * replica, writes streamed once to all of them in parallel and acknowledged under
 * {@link WritePolicy#ALL} or {@link WritePolicy#QUORUM}, hedged and verified reads, a paced
 * repair queue and a paced anti-entropy scan with a paced scrub of the stored bytes.
 *
 * <p>Meters registered (Prometheus names): {@code repair_bytes_total}, {@code repair_tasks_total{reason}},
 * {@code repair_dropped_total}, {@code repair_queue_depth}, {@code rf_target}, {@code rf_observed},
 * {@code replica_up{replica}}, {@code scrub_bytes_total}, {@code scrub_skipped_total}, and with the read
 * path {@code integrity_fail_total{reason="at_rest"}}, {@code hedges_total{outcome}}.
 */
public final class ReplicatedBlobStore {
    /** How long a QUORUM write waits on a replica whose queue is full before cutting it off. */
    static final long LAG_GRACE_MILLIS = 2_000;
    /** Repair tasks held at most; more are dropped and counted (the scan finds them again). */
    static final int REPAIR_QUEUE_CAPACITY = 100_000;

    private ReplicatedBlobStore() {
    }

    /**
     * Opens the set: starts the repair workers (paced) and the scan. The returned store
     * implements {@link SupportsMultipart} iff every replica does; its {@code capabilities()} are
     * the intersection of the replicas'. Closing it stops the workers and closes every replica.
     *
     * @param replicas the replicas in read-preference order; the store takes ownership
     * @throws IllegalArgumentException when {@code settings.rf()} differs from the number of
     *     replicas (placement is every object on every replica), or for duplicate replica names
     */
    public static BlobStore open(List<Replica> replicas, ReplicationSettings settings, MeterRegistry registry) {
        Objects.requireNonNull(replicas, "replicas");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(registry, "registry");
        if (settings.rf() != replicas.size()) {
            throw new IllegalArgumentException("rf (" + settings.rf() + ") must equal the number of replicas (" + replicas.size()
                    + "): every object is placed on every replica");
        }
        ReplicaSet set = new ReplicaSet(replicas);
        ReplicationMetrics metrics = new ReplicationMetrics(registry);
        Background background = new Background();
        ReplicaCalls calls = new ReplicaCalls(set, background.writes());
        RepairQueue queue = new RepairQueue(REPAIR_QUEUE_CAPACITY, set.size(), metrics);
        int absentQuorum = settings.rf() - settings.writeQuorum() + 1;
        HedgedReads reads = new HedgedReads(set.replicas(), settings.hedge(), absentQuorum, queue, registry);
        FanOutWriter fanOut = new FanOutWriter(calls, LAG_GRACE_MILLIS);
        boolean multipart = replicas.stream().allMatch(r -> r.store() instanceof SupportsMultipart);
        ReplicatedStore store = multipart
                ? new ReplicatedMultipartStore(settings, set, calls, fanOut, queue, reads, background)
                : new ReplicatedStore(settings, set, calls, fanOut, queue, reads, background);
        metrics.bindGauges(settings.rf(), queue::depth, () -> observedCopies(set, queue), set);
        Repairer repairer = new Repairer(set, calls, new ObjectCopier(metrics.repairBytes()), reads::repaired);
        Scrubber scrubber = new Scrubber(set, settings.scrubBytesPerSecond(), metrics, reads::corruptAtRest);
        AntiEntropyScan scan = new AntiEntropyScan(set, calls, queue, settings.scanKeysPerSecond(), scrubber);
        background.start(queue, repairer, settings.repairWorkers(), settings.repairBytesPerSecond(), scan, settings.scanInterval(),
                () -> probeAll(set));
        return store;
    }

    /** {@code rf_observed}: replicas reachable and without outstanding repair work. */
    static int observedCopies(ReplicaSet set, RepairQueue queue) {
        int n = 0;
        for (int i = 0; i < set.size(); i++) {
            if (set.up(i) && queue.outstanding(i) == 0) {
                n++;
            }
        }
        return n;
    }

    private static void probeAll(ReplicaSet set) {
        for (int i = 0; i < set.size(); i++) {
            set.probe(i);
        }
    }
}
