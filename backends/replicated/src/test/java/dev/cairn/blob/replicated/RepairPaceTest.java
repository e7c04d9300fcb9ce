package dev.cairn.blob.replicated;

import static dev.cairn.blob.testkit.ContractSupport.randomBytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.WriteOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repair worker keeps its pace: 12 MiB missing on one replica, repaired at 4 MiB/s, cannot
 * take less than (12 MiB - burst) / 4 MiB/s. Only that generous lower bound is asserted; the
 * measured throughput against the pace is in {@code RepairPaceBenchmark}.
 */
class RepairPaceTest {
    private static final int MIB = 1 << 20;
    private static final int OBJECTS = 12;
    private static final long RATE = 4L * MIB;

    @TempDir
    Path dir;

    @Test
    void repairMovesNoFasterThanItsPaceAndCountsEveryByte() throws Exception {
        List<BlobStore> memories = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            BlobStore m = ReplicaStores.memory(dir.resolve("m" + i));
            m.createBucket("b");
            memories.add(m);
        }
        List<ObjectInfo> present = new ArrayList<>();
        for (int k = 0; k < OBJECTS; k++) {
            byte[] body = randomBytes(MIB, k);
            present.add(memories.get(0).write(key(k), ObjectSource.of(body), WriteOptions.DEFAULTS));
            memories.get(1).write(key(k), ObjectSource.of(body), WriteOptions.DEFAULTS);
        }
        ReplicationSettings settings = new ReplicationSettings(3, WritePolicy.ALL, HedgeSettings.defaults(), RATE, 1, Duration.ofMillis(100));
        long start = System.nanoTime();
        try (ReplicaSetFixture f = new ReplicaSetFixture(memories, settings)) {
            ReplicaSetFixture.await("all objects repaired", Duration.ofSeconds(120), () -> {
                for (int k = 0; k < OBJECTS; k++) {
                    if (!ReplicaSetFixture.holds(memories.get(2), key(k), present.get(k))) {
                        return false;
                    }
                }
                return true;
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            double floor = (OBJECTS * (double) MIB - TokenBucket.burstFor(RATE)) / RATE;
            assertTrue(seconds >= floor, "repaired " + OBJECTS + " MiB in " + seconds + " s, faster than the pace allows (" + floor + " s)");
            assertEquals((double) OBJECTS * MIB, f.counter("repair.bytes"));
        }
    }

    private static BlobKey key(int k) {
        return new BlobKey("b", "k" + k);
    }
}
