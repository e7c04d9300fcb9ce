package dev.cairn.blob.replicated;

import static dev.cairn.blob.testkit.ContractSupport.assertBlobError;
import static dev.cairn.blob.testkit.ContractSupport.randomBytes;
import static dev.cairn.blob.testkit.ContractSupport.readAll;
import static dev.cairn.blob.testkit.ContractSupport.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.WriteOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Repair decisions (majority, delete intents) and the QUORUM cut-off of a replica that falls behind. */
class RepairBehaviourTest {
    private static final BlobKey KEY = new BlobKey("b", "k");

    @TempDir
    Path dir;

    @Test
    void theScanRestoresTheMajorityVersionOnADivergedReplica() throws Exception {
        List<BlobStore> memories = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            memories.add(ReplicaStores.memory(dir.resolve("m" + i)));
            memories.get(i).createBucket("b");
        }
        ObjectInfo good = null;
        for (int i = 0; i < 3; i++) {
            // replica 2 holds a different, newer version: outvoted by the two that agree
            byte[] body = i == 2 ? utf8("stray") : randomBytes(70_000, 1);
            ObjectInfo info = memories.get(i).write(KEY, ObjectSource.of(body), WriteOptions.DEFAULTS);
            good = i == 0 ? info : good;
        }
        ObjectInfo expected = good;
        ReplicationSettings settings = new ReplicationSettings(3, WritePolicy.ALL, HedgeSettings.defaults(), 50L << 20, 1, Duration.ofMillis(100));
        try (ReplicaSetFixture f = new ReplicaSetFixture(memories, settings)) {
            ReplicaSetFixture.await("r2 back on the majority version", Duration.ofSeconds(20),
                    () -> ReplicaSetFixture.holds(memories.get(2), KEY, expected));
            assertArrayEquals(randomBytes(70_000, 1), readAll(memories.get(2), KEY));
            assertTrue(f.counter("repair.tasks", "reason", "scan") >= 1);
        }
    }

    @Test
    void aDeleteThatMissedAReplicaUnderQuorumIsFinishedByRepair() throws Exception {
        try (ReplicaSetFixture f = ReplicaSetFixture.memory(dir, 3, WritePolicy.QUORUM)) {
            f.store.createBucket("b");
            ObjectInfo v1 = f.store.write(KEY, ObjectSource.of(utf8("doomed")), WriteOptions.DEFAULTS);
            f.faults.get(0).down(true);
            f.store.delete(KEY);
            assertBlobError(BlobError.NO_SUCH_KEY, () -> f.store.stat(KEY));
            assertEquals(v1.etag(), f.backends.get(0).stat(KEY).etag(), "the down replica still has it");
            assertTrue(f.counter("repair.tasks", "reason", "delete_failed") >= 1);
            f.faults.get(0).down(false);
            ReplicaSetFixture.await("the delete finished on r0", Duration.ofSeconds(30), () -> {
                try {
                    f.raw.get(0).stat(KEY);
                    return false;
                } catch (RuntimeException gone) {
                    return true;
                }
            });
            assertBlobError(BlobError.NO_SUCH_KEY, () -> f.raw.get(0).stat(KEY));
        }
    }

    @Test
    void underQuorumAReplicaThatFallsBehindIsCutOffPublishesNothingAndIsRepaired() throws Exception {
        List<BlobStore> stores = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            stores.add(ReplicaStores.memory(dir.resolve("m" + i)));
        }
        SlowReader slow = new SlowReader(stores.get(2));
        stores.set(2, slow);
        try (ReplicaSetFixture f = new ReplicaSetFixture(stores, ReplicaStores.settings(3, WritePolicy.QUORUM))) {
            f.store.createBucket("b");
            slow.stalled = true;
            byte[] body = randomBytes(4 << 20, 9);
            ObjectInfo written = f.store.write(KEY, ObjectSource.of(body), WriteOptions.DEFAULTS);
            assertTrue(ReplicaSetFixture.holds(f.raw.get(0), KEY, written) && ReplicaSetFixture.holds(f.raw.get(1), KEY, written));
            assertBlobError(BlobError.NO_SUCH_KEY, () -> f.backends.get(2).stat(KEY));
            slow.stalled = false;
            ReplicaSetFixture.await("the laggard repaired", Duration.ofSeconds(30), () -> ReplicaSetFixture.holds(f.raw.get(2), KEY, written));
            assertArrayEquals(body, readAll(f.raw.get(2), KEY));
            assertTrue(f.counter("repair.tasks", "reason", "write_failed") >= 1);
        }
    }

    /** A replica whose writes stop reading their body while {@link #stalled} is set (a disk that hangs). */
    private static final class SlowReader extends dev.cairn.blob.ForwardingMultipartBlobStore {
        volatile boolean stalled;

        SlowReader(BlobStore delegate) {
            super(delegate);
        }

        @Override
        public ObjectInfo write(BlobKey key, ObjectSource source, WriteOptions options) {
            InputStream in = source.stream();
            InputStream gated = new java.io.FilterInputStream(in) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    while (stalled) {
                        try {
                            Thread.sleep(10);
                        } catch (InterruptedException e) {
                            throw new java.io.InterruptedIOException();
                        }
                    }
                    return in.read(b, off, len);
                }
            };
            return super.write(key, new ObjectSource(gated, source.length()), options);
        }
    }
}
