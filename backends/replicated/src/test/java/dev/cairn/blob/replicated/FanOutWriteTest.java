package dev.cairn.blob.replicated;

import static dev.cairn.blob.testkit.ContractSupport.assertBlobError;
import static dev.cairn.blob.testkit.ContractSupport.randomBytes;
import static dev.cairn.blob.testkit.ContractSupport.readAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.ForwardingMultipartBlobStore;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Writes fanned out to three memory replicas: identical copies, failures, repair after a quorum write. */
class FanOutWriteTest {
    private static final BlobKey KEY = new BlobKey("b", "obj");

    @TempDir
    Path dir;

    @Test
    void everyReplicaHoldsTheSameBytesEtagBlake3AndMetadata() {
        try (ReplicaSetFixture f = ReplicaSetFixture.memory(dir, 3, WritePolicy.ALL)) {
            f.store.createBucket("b");
            byte[] body = randomBytes(300_000, 1);
            WriteOptions options = WriteOptions.DEFAULTS.withContentType("text/plain")
                    .withUserMetadata(Map.of("owner", "ann")).withContentHeaders(Map.of("cache-control", "no-cache"));
            ObjectInfo written = f.store.write(KEY, ObjectSource.of(body), options);
            for (int i = 0; i < 3; i++) {
                ObjectInfo copy = f.statOn(i, KEY);
                assertEquals(written.etag(), copy.etag(), "etag on r" + i);
                assertEquals(written.blake3(), copy.blake3(), "b3 on r" + i);
                assertEquals("text/plain", copy.contentType());
                assertEquals(Map.of("owner", "ann"), copy.userMetadata());
                assertEquals(Map.of("cache-control", "no-cache"), copy.contentHeaders());
                assertArrayEquals(body, readAll(f.raw.get(i), KEY));
            }
        }
    }

    @Test
    void underAllAFailingReplicaFailsTheWriteNamingItAndThePreviousVersionStaysEverywhere() {
        try (ReplicaSetFixture f = ReplicaSetFixture.memory(dir, 3, WritePolicy.ALL)) {
            f.store.createBucket("b");
            ObjectInfo v1 = f.store.write(KEY, ObjectSource.of(randomBytes(200_000, 1)), WriteOptions.DEFAULTS);
            f.faults.get(2).down(true);
            BlobStoreException e = assertBlobError(BlobError.UNAVAILABLE,
                    () -> f.store.write(KEY, ObjectSource.of(randomBytes(200_000, 2)), WriteOptions.DEFAULTS));
            assertTrue(e.getMessage().contains("r2"), e.getMessage());
            f.faults.get(2).down(false);
            for (int i = 0; i < 3; i++) {
                assertEquals(v1.etag(), f.statOn(i, KEY).etag(), "r" + i + " must keep the previous version");
            }
            assertArrayEquals(randomBytes(200_000, 1), readAll(f.store, KEY));
        }
    }

    @Test
    void underQuorumADownReplicaIsQueuedAndTheRepairWorkerBringsItBackByteIdentical() throws Exception {
        try (ReplicaSetFixture f = ReplicaSetFixture.memory(dir, 3, WritePolicy.QUORUM)) {
            f.store.createBucket("b");
            f.faults.get(2).down(true);
            byte[] body = randomBytes(1 << 20, 3);
            ObjectInfo written = f.store.write(KEY, ObjectSource.of(body), WriteOptions.DEFAULTS);
            ReplicaSetFixture.await("a write_failed repair task", Duration.ofSeconds(10),
                    () -> f.counter("repair.tasks", "reason", "write_failed") >= 1);
            ReplicaSetFixture.await("rf_observed to drop", Duration.ofSeconds(10), () -> f.gauge("rf.observed") == 2);
            assertEquals(3, f.gauge("rf.target"));
            f.faults.get(2).down(false);
            ReplicaSetFixture.await("r2 repaired", Duration.ofSeconds(30), () -> ReplicaSetFixture.holds(f.raw.get(2), KEY, written));
            assertArrayEquals(body, readAll(f.raw.get(2), KEY));
            ReplicaSetFixture.await("rf_observed back to rf", Duration.ofSeconds(10), () -> f.gauge("rf.observed") == 3);
            assertEquals(body.length, f.counter("repair.bytes"));
        }
    }

    @ParameterizedTest
    @EnumSource(WritePolicy.class)
    void aBadDigestOrLengthPublishesNowhereAndQueuesNoRepair(WritePolicy policy) {
        try (ReplicaSetFixture f = ReplicaSetFixture.memory(dir, 3, policy)) {
            f.store.createBucket("b");
            byte[] body = randomBytes(150_000, 4);
            assertBlobError(BlobError.BAD_DIGEST, () -> f.store.write(KEY, ObjectSource.of(body),
                    WriteOptions.DEFAULTS.withExpected(ChecksumAlgorithm.B3, "0".repeat(64))));
            assertBlobError(BlobError.BAD_DIGEST, () -> f.store.write(KEY, new ObjectSource(new ByteArrayInputStream(body), body.length + 1),
                    WriteOptions.DEFAULTS));
            assertBlobError(BlobError.BAD_DIGEST, () -> f.store.write(KEY, new ObjectSource(new ByteArrayInputStream(body), body.length - 1),
                    WriteOptions.DEFAULTS));
            for (int i = 0; i < 3; i++) {
                int r = i;
                assertBlobError(BlobError.NO_SUCH_KEY, () -> f.statOn(r, KEY));
            }
            assertEquals(0, f.repairTasks());
            assertEquals(0, f.gauge("repair.queue.depth"));
            assertEquals(3, f.gauge("rf.observed"), "a client's bad body says nothing about the replicas");
        }
    }

    @Test
    void aClientsBadBodyDoesNotMarkReplicasDownEvenWhenTheyReportItAsUnavailable() {
        List<BlobStore> stores = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            // BlobStore#write allows a failing body to be reported as UNAVAILABLE (remote backends do)
            stores.add(new ForwardingMultipartBlobStore(ReplicaStores.memory(dir.resolve("u" + i))) {
                @Override
                public ObjectInfo write(BlobKey key, ObjectSource source, WriteOptions options) {
                    try {
                        return super.write(key, source, options);
                    } catch (BlobStoreException e) {
                        throw new BlobStoreException(BlobError.UNAVAILABLE, "remote", key, "body failed", e);
                    }
                }
            });
        }
        try (ReplicaSetFixture f = new ReplicaSetFixture(stores, ReplicaStores.settings(3, WritePolicy.ALL))) {
            f.store.createBucket("b");
            byte[] body = randomBytes(150_000, 5);
            assertBlobError(BlobError.BAD_DIGEST, () -> f.store.write(KEY, ObjectSource.of(body),
                    WriteOptions.DEFAULTS.withExpected(ChecksumAlgorithm.B3, "0".repeat(64))));
            for (int i = 0; i < 3; i++) {
                assertEquals(1, f.registry.get("replica.up").tag("replica", "r" + i).gauge().value(), "r" + i);
            }
            assertEquals(3, f.gauge("rf.observed"));
            assertTrue(f.store.health().writable());
        }
    }
}
