package dev.cairn.blob.replicated;

import static dev.cairn.blob.testkit.ContractSupport.randomBytes;
import static dev.cairn.blob.testkit.ContractSupport.readAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.ForwardingBlobStore;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectReader;
import dev.cairn.blob.ReadOptions;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.testkit.MultipartSupport;
import dev.cairn.blob.testkit.faults.Faults.Operation;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scrub finds bit rot that listings cannot show: one byte flipped in a local replica's file
 * keeps the object's recorded size, ETag and BLAKE3, so only reading the bytes back finds it.
 * Each test runs exactly one scan pass by hand ({@link ScrubFixture}).
 */
class ScrubTest {
    private static final BlobKey KEY = new BlobKey("photos", "2026/rot.jpg");
    private static final long FAST = 1L << 30;

    @TempDir
    Path dir;

    @Test
    void aFlippedByteOnTheLastReplicaIsFoundByOnePassAndRepaired() throws Exception {
        try (ScrubFixture f = new ScrubFixture(dir, 3, FAST)) {
            byte[] data = randomBytes(100_000, 1);
            f.putEverywhere(KEY, data);
            ScrubFixture.flipByte(f.objectFile(2, KEY), 1234);
            assertFalse(java.util.Arrays.equals(data, readAll(f.locals.get(2), KEY)), "the flip did not reach the file");

            f.scanOnce();

            assertEquals(1, f.atRest(), "the scrub counts the rot as integrity_fail_total{reason=at_rest}");
            assertEquals(1, f.counter("repair.tasks", "reason", "corrupt"));
            assertEquals(0, f.counter("repair.tasks", "reason", "scan"), "the identities still agree");
            assertTrue(f.suspect(KEY, 2), "reads ask the corrupt copy last until it is repaired");
            assertEquals(1, f.repairAll());
            byte[] file = Files.readAllBytes(f.objectFile(2, KEY));
            assertArrayEquals(data, java.util.Arrays.copyOf(file, data.length), "the file on disk holds the good bytes again");
            assertArrayEquals(data, readAll(f.locals.get(2), KEY));
            assertFalse(f.suspect(KEY, 2));

            f.scanOnce();
            assertEquals(1, f.atRest(), "the repaired copy scrubs clean");
            assertEquals(0, f.repairAll());
        }
    }

    @Test
    void aRunningSetFindsRotOnTheReplicaReadsNeverReachAndRepairsIt() throws Exception {
        List<BlobStore> locals = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            locals.add(ReplicaStores.local(dir.resolve("l" + i)));
        }
        ReplicationSettings settings = new ReplicationSettings(3, WritePolicy.ALL, HedgeSettings.defaults(),
                ReplicationSettings.DEFAULT_REPAIR_RATE, 1, Duration.ofMillis(200), ReplicationSettings.DEFAULT_SCAN_KEYS_PER_SECOND,
                ReplicationSettings.DEFAULT_SCRUB_RATE);
        try (ReplicaSetFixture f = new ReplicaSetFixture(locals, settings)) {
            f.store.createBucket(KEY.bucket());
            byte[] data = randomBytes(300_000, 3);
            f.store.write(KEY, ObjectSource.of(data), WriteOptions.DEFAULTS);
            ScrubFixture.flipByte(ScrubFixture.objectFile(dir.resolve("l2"), KEY), 77_777);
            // no client read touches the object: only the scrub can find the rot
            ReplicaSetFixture.await("the scrub to find the rot", Duration.ofSeconds(30),
                    () -> f.counter("integrity.fail", "reason", "at_rest") >= 1);
            ReplicaSetFixture.await("the copy on r2 to be repaired", Duration.ofSeconds(30),
                    () -> java.util.Arrays.equals(data, readAll(locals.get(2), KEY)));
            assertTrue(f.counter("repair.tasks", "reason", "corrupt") >= 1);
            assertTrue(f.counter("scrub.bytes") >= 3.0 * data.length, "the scrub read every copy");
        }
    }

    @Test
    void aHealthySetScrubsEveryCopyWithoutRepairs() throws Exception {
        int[] sizes = {0, 1, 70_000, 200_000};
        try (ScrubFixture f = new ScrubFixture(dir, 3, FAST)) {
            long total = 0;
            for (int k = 0; k < sizes.length; k++) {
                f.putEverywhere(new BlobKey("photos", "k" + k), randomBytes(sizes[k], k));
                total += 3L * sizes[k];
            }
            f.scanOnce();
            assertEquals((double) total, f.counter("scrub.bytes"), "every byte of every copy read once");
            assertEquals(0, f.atRest());
            assertEquals(0, f.repairAll());
            assertEquals(0, f.counter("scrub.skipped"));
            for (int i = 0; i < 3; i++) {
                assertEquals(sizes.length, f.faults.get(i).calls(Operation.READ), "replica " + i + " read once per key");
            }
        }
    }

    @Test
    void aScrubRateOfZeroReadsNothing() throws Exception {
        try (ScrubFixture f = new ScrubFixture(dir, 3, 0)) {
            f.putEverywhere(KEY, randomBytes(50_000, 2));
            ScrubFixture.flipByte(f.objectFile(2, KEY), 10);
            f.scanOnce();
            assertEquals(0, f.counter("scrub.bytes"));
            for (int i = 0; i < 3; i++) {
                assertEquals(0, f.faults.get(i).calls(Operation.READ), "replica " + i);
            }
            assertEquals(0, f.atRest(), "without the scrub the rot stays hidden: this is what the scrub is for");
            assertEquals(0, f.repairAll());
        }
    }

    @Test
    void theScrubHoldsItsPace() throws Exception {
        long rate = 1L << 20;
        try (ScrubFixture f = new ScrubFixture(dir, 3, rate)) {
            for (int k = 0; k < 4; k++) {
                f.putEverywhere(new BlobKey("photos", "k" + k), randomBytes(256 * 1024, k));
            }
            long bytes = 3L * 4 * 256 * 1024; // 3 MiB over all copies
            long start = System.nanoTime();
            f.scanOnce();
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals((double) bytes, f.counter("scrub.bytes"));
            double floor = (bytes - TokenBucket.burstFor(rate)) / (double) rate;
            // a slow machine only makes the pass longer; going faster than the bucket allows is the bug
            assertTrue(seconds >= floor * 0.95, "scrubbed " + bytes + " bytes in " + seconds + " s, faster than "
                    + rate + " B/s allows (" + floor + " s)");
        }
    }

    @Test
    void aFlippedByteInAMultipartObjectIsFoundAgainstItsCompositeDigest() throws Exception {
        List<byte[]> parts = List.of(randomBytes(5000, 5), randomBytes(5000, 6), randomBytes(700, 7));
        byte[] whole = MultipartSupport.concat(parts);
        try (ScrubFixture f = new ScrubFixture(dir, 3, FAST)) {
            assertEquals(MultipartSupport.expectedBlake3(parts), f.putMultipartEverywhere(KEY, parts).blake3());
            f.scanOnce();
            assertEquals(0, f.atRest(), "a good multipart copy failed the scrub");

            ScrubFixture.flipByte(f.segmentFile(1, KEY, 2), 42);
            f.scanOnce();
            assertEquals(1, f.atRest());
            assertEquals(1, f.counter("repair.tasks", "reason", "corrupt"));
            assertEquals(1, f.repairAll());
            assertArrayEquals(whole, readAll(f.locals.get(1), KEY));
            assertEquals(MultipartSupport.expectedBlake3(parts), f.locals.get(1).stat(KEY).blake3());

            f.scanOnce();
            assertEquals(1, f.atRest(), "the repaired multipart copy scrubs clean");
        }
    }

    @Test
    void aCopyWithoutAStoredBlake3IsSkippedAndCounted() throws Exception {
        BlobStore memory = ReplicaStores.memory(dir.resolve("m"));
        memory.createBucket(KEY.bucket());
        memory.write(KEY, ObjectSource.of(randomBytes(5000, 9)), WriteOptions.DEFAULTS);
        BlobStore withoutB3 = new WithoutBlake3(memory);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        List<Integer> reported = new ArrayList<>();
        Scrubber scrubber = new Scrubber(new ReplicaSet(List.of(new Replica("r0", withoutB3))), FAST, new ReplicationMetrics(registry),
                (key, replica) -> reported.add(replica));
        ObjectInfo info = withoutB3.stat(KEY);
        assertNull(info.blake3());
        scrubber.scrub(KEY, Map.of(0, info), ObjectCopier.identity(info));
        assertEquals(1, registry.get("scrub.skipped").counter().count());
        assertEquals(0, registry.get("scrub.bytes").counter().count());
        assertTrue(reported.isEmpty(), "nothing to check is not corruption");
        withoutB3.close();
    }

    /** A store that records no BLAKE3, as a backend written by another tool might. */
    private static final class WithoutBlake3 extends ForwardingBlobStore {
        WithoutBlake3(BlobStore delegate) {
            super(delegate);
        }

        private static ObjectInfo strip(ObjectInfo i) {
            Map<ChecksumAlgorithm, String> sums = new EnumMap<>(ChecksumAlgorithm.class);
            sums.putAll(i.checksums());
            sums.remove(ChecksumAlgorithm.B3);
            return new ObjectInfo(i.key(), i.size(), i.etag(), i.lastModified(), i.contentType(), i.contentHeaders(), i.userMetadata(),
                    sums, i.partSizes(), i.partChecksums());
        }

        @Override
        public ObjectInfo stat(BlobKey key) {
            return strip(super.stat(key));
        }

        @Override
        public ObjectReader read(BlobKey key, ReadOptions options) {
            ObjectReader r = super.read(key, options);
            return new VerifiedReader(strip(r.info()), r.range(), r.stream(), r); // the same read, another info
        }
    }

    @Test
    void aCopyWithTooFewBytesCountsAsCorrupt() throws Exception {
        BlobStore memory = ReplicaStores.memory(dir.resolve("short"));
        memory.createBucket(KEY.bucket());
        memory.write(KEY, ObjectSource.of(randomBytes(10_000, 8)), WriteOptions.DEFAULTS);
        BlobStore shortCopy = new ShortCopy(memory, 4000);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        List<Integer> reported = new ArrayList<>();
        Scrubber scrubber = new Scrubber(new ReplicaSet(List.of(new Replica("r0", shortCopy))), FAST, new ReplicationMetrics(registry),
                (key, replica) -> reported.add(replica));
        ObjectInfo info = shortCopy.stat(KEY);
        scrubber.scrub(KEY, Map.of(0, info), ObjectCopier.identity(info));
        assertEquals(List.of(0), reported);
        shortCopy.close();
    }

    @Test
    void aReadThatBreaksIsNoVerdictAndIsCheckedAgainNextPass() throws Exception {
        try (ScrubFixture f = new ScrubFixture(dir, 3, FAST)) {
            f.putEverywhere(KEY, randomBytes(10_000, 8));
            // a timeout or a lost connection says nothing about the stored bytes
            f.faults.get(0).truncateReadsAfter(4000);
            f.scanOnce();
            assertEquals(0, f.atRest());
            assertEquals(0, f.counter("repair.tasks", "reason", "corrupt"));
            f.faults.get(0).truncateReadsAfter(-1);
            f.scanOnce();
            assertEquals(0, f.atRest());
        }
    }

    /** A store whose reads end cleanly after {@code limit} bytes, as a truncated file would. */
    private static final class ShortCopy extends ForwardingBlobStore {
        private final int limit;

        ShortCopy(BlobStore delegate, int limit) {
            super(delegate);
            this.limit = limit;
        }

        @Override
        public ObjectReader read(BlobKey key, ReadOptions options) {
            ObjectReader r = super.read(key, options);
            return new VerifiedReader(r.info(), r.range(), new java.io.FilterInputStream(r.stream()) {
                private int left = limit;

                @Override
                public int read() throws java.io.IOException {
                    return left-- > 0 ? super.read() : -1;
                }

                @Override
                public int read(byte[] b, int off, int len) throws java.io.IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int n = super.read(b, off, Math.min(len, left));
                    left -= Math.max(n, 0);
                    return n;
                }
            }, r);
        }
    }
}
