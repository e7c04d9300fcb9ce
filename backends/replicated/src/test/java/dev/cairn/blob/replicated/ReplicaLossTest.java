package dev.cairn.blob.replicated;

import static dev.cairn.blob.testkit.ContractSupport.randomBytes;
import static dev.cairn.blob.testkit.ContractSupport.readAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.WriteOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real loss: the data directory of the preferred local replica is wiped under a running set.
 * Reads keep working from the others, {@code rf_observed} drops, the anti-entropy scan finds every
 * missing key and the repair workers restore them, and {@code rf_observed} returns to rf.
 */
class ReplicaLossTest {
    private static final int KEYS = 12;
    private static final int SIZE = 128 * 1024;

    @TempDir
    Path dir;

    @Test
    void aWipedReplicaIsFoundByTheScanAndRestoredByteIdentical() throws Exception {
        List<BlobStore> locals = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            locals.add(ReplicaStores.local(dir.resolve("l" + i)));
        }
        // 1 MiB/s: restoring 1.5 MiB takes over a second, long enough to see rf_observed down
        ReplicationSettings settings = new ReplicationSettings(3, WritePolicy.QUORUM, HedgeSettings.defaults(), 1 << 20, 1,
                Duration.ofMillis(300));
        try (ReplicaSetFixture f = new ReplicaSetFixture(locals, settings)) {
            f.store.createBucket("photos");
            List<ObjectInfo> written = new ArrayList<>();
            for (int k = 0; k < KEYS; k++) {
                written.add(f.store.write(key(k), ObjectSource.of(randomBytes(SIZE, k)), WriteOptions.DEFAULTS));
            }
            assertEquals(3, f.gauge("rf.observed"));

            wipe(dir.resolve("l0").resolve("buckets"));

            ReplicaSetFixture.await("rf_observed to drop", Duration.ofSeconds(20), () -> f.gauge("rf.observed") == 2);
            for (int k = 0; k < KEYS; k++) {
                assertArrayEquals(randomBytes(SIZE, k), readAll(f.store, key(k)), "read of key " + k + " after the loss");
            }
            assertTrue(f.counter("repair.tasks", "reason", "scan") >= 1, "the scan queued the missing keys");

            ReplicaSetFixture.await("every key restored on l0", Duration.ofSeconds(60), () -> {
                for (int k = 0; k < KEYS; k++) {
                    if (!ReplicaSetFixture.holds(locals.get(0), key(k), written.get(k))) {
                        return false;
                    }
                }
                return true;
            });
            for (int k = 0; k < KEYS; k++) {
                assertArrayEquals(randomBytes(SIZE, k), readAll(locals.get(0), key(k)));
            }
            ReplicaSetFixture.await("rf_observed back to rf", Duration.ofSeconds(20), () -> f.gauge("rf.observed") == 3);
            assertEquals((double) KEYS * SIZE, f.counter("repair.bytes"), "each lost key copied once");
        }
    }

    private static BlobKey key(int k) {
        return new BlobKey("photos", "2026/img-" + k + ".jpg");
    }

    private static void wipe(Path buckets) throws IOException {
        try (Stream<Path> all = Files.walk(buckets)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(buckets)) {
                    Files.delete(p);
                }
            }
        }
    }
}
