package dev.cairn.blob.replicated;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link ReplicatedBlobStore} places, acknowledges, reads and repairs copies.
 *
 * @param rf the replication factor {@code rf_target}: copies every object should have
 * @param writePolicy when a write is acknowledged
 * @param hedge how reads are hedged and verified
 * @param repairBytesPerSecond the pace of each repair worker (50 MiB/s by default)
 * @param repairWorkers how many repair workers run
 * @param scanInterval time between two anti-entropy scans; {@link Duration#ZERO} disables the scan
 *     (the repair queue still runs)
 * @param scanKeysPerSecond the pace of the scan: keys compared across the replicas per second
 *     (each may cost a stat per replica); 500 by default
 * @param scrubBytesPerSecond the pace of the scrub that each scan pass runs: bytes per second read
 *     back from the replicas and checked against the stored BLAKE3 (10 MiB/s by default); 0 turns
 *     the scrub off (the listing comparison still runs)
 */
public record ReplicationSettings(int rf, WritePolicy writePolicy, HedgeSettings hedge, long repairBytesPerSecond,
        int repairWorkers, Duration scanInterval, long scanKeysPerSecond, long scrubBytesPerSecond) {
    public static final long DEFAULT_REPAIR_RATE = 50L << 20;
    public static final Duration DEFAULT_SCAN_INTERVAL = Duration.ofHours(1);
    public static final long DEFAULT_SCAN_KEYS_PER_SECOND = 500;
    public static final long DEFAULT_SCRUB_RATE = 10L << 20;

    /** @throws IllegalArgumentException for a value out of its range (see each component) */
    public ReplicationSettings {
        Objects.requireNonNull(writePolicy, "writePolicy");
        Objects.requireNonNull(hedge, "hedge");
        Objects.requireNonNull(scanInterval, "scanInterval");
        if (rf < 1) {
            throw new IllegalArgumentException("rf must be at least 1");
        }
        if (repairBytesPerSecond < 1) {
            throw new IllegalArgumentException("repair rate must be at least 1 byte per second");
        }
        if (repairWorkers < 1) {
            throw new IllegalArgumentException("repair workers must be at least 1");
        }
        if (scanInterval.isNegative()) {
            throw new IllegalArgumentException("scan interval must not be negative");
        }
        if (scanKeysPerSecond < 1) {
            throw new IllegalArgumentException("scan pace must be at least 1 key per second");
        }
        if (scrubBytesPerSecond < 0) {
            throw new IllegalArgumentException("scrub rate must not be negative (0 turns the scrub off)");
        }
    }

    /** Settings with the default scrub rate. */
    public ReplicationSettings(int rf, WritePolicy writePolicy, HedgeSettings hedge, long repairBytesPerSecond, int repairWorkers,
            Duration scanInterval, long scanKeysPerSecond) {
        this(rf, writePolicy, hedge, repairBytesPerSecond, repairWorkers, scanInterval, scanKeysPerSecond, DEFAULT_SCRUB_RATE);
    }

    /** Settings with the default scan pace and scrub rate. */
    public ReplicationSettings(int rf, WritePolicy writePolicy, HedgeSettings hedge, long repairBytesPerSecond, int repairWorkers,
            Duration scanInterval) {
        this(rf, writePolicy, hedge, repairBytesPerSecond, repairWorkers, scanInterval, DEFAULT_SCAN_KEYS_PER_SECOND);
    }

    /**
     * Defaults for {@code rf} replicas: write to all, hedge after 30 ms, repair at 50 MiB/s with one
     * worker, scan hourly and scrub at 10 MiB/s.
     */
    public static ReplicationSettings defaults(int rf) {
        return new ReplicationSettings(rf, WritePolicy.ALL, HedgeSettings.defaults(), DEFAULT_REPAIR_RATE, 1, DEFAULT_SCAN_INTERVAL);
    }

    /** Acknowledgements a write needs: all {@code rf}, or a majority of them. */
    public int writeQuorum() {
        return writePolicy == WritePolicy.ALL ? rf : rf / 2 + 1;
    }
}
