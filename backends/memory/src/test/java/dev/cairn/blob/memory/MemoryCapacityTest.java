package dev.cairn.blob.memory;

import static dev.cairn.blob.testkit.ContractSupport.assertBlobError;
import static dev.cairn.blob.testkit.ContractSupport.put;
import static dev.cairn.blob.testkit.ContractSupport.randomBytes;
import static dev.cairn.blob.testkit.ContractSupport.readAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.HealthReport;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.WritePrecondition;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.blob.testkit.FailingInputStream;
import java.io.ByteArrayInputStream;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The byte cap: enforced while reading, released on failure, overwrite and delete, visible in health. */
class MemoryCapacityTest {
    private static final long CAP = 100_000;
    private final MemoryBlobStore store = new MemoryBlobStore(CAP);
    private final BlobKey a = new BlobKey("cap", "a");
    private final BlobKey b = new BlobKey("cap", "b");

    MemoryCapacityTest() {
        store.createBucket("cap");
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void knownLengthWriteBeyondTheCapFailsAndKeepsThePreviousVersion() {
        byte[] old = randomBytes(60_000, 1);
        put(store, a, old, WriteOptions.DEFAULTS.withUserMetadata(Map.of("gen", "1")));
        BlobStoreException e = assertBlobError(BlobError.INSUFFICIENT_STORAGE, () -> put(store, a, randomBytes(50_000, 2)));
        assertTrue(e.getMessage().contains("memory.max-bytes"), e.getMessage());
        assertTrue(e.error().retryable());
        assertArrayEquals(old, readAll(store, a));
        assertEquals(Map.of("gen", "1"), store.stat(a).userMetadata());
        assertEquals(60_000, store.usedBytes());
    }

    @Test
    void unknownLengthWriteIsStoppedWhileReadingAndReleasesWhatItReserved() {
        put(store, a, randomBytes(30_000, 1));
        byte[] big = randomBytes(80_000, 2);
        assertBlobError(BlobError.INSUFFICIENT_STORAGE,
                () -> store.write(b, ObjectSource.unknownLength(new ByteArrayInputStream(big)), WriteOptions.DEFAULTS));
        assertBlobError(BlobError.NO_SUCH_KEY, () -> store.stat(b));
        assertEquals(30_000, store.usedBytes());
        put(store, b, randomBytes(70_000, 3));
        assertEquals(CAP, store.usedBytes());
    }

    @Test
    void everyFailedWriteReleasesItsReservation() {
        byte[] body = randomBytes(90_000, 4);
        assertBlobError(BlobError.INTERNAL,
                () -> store.write(a, new ObjectSource(new FailingInputStream(body, 45_000), body.length), WriteOptions.DEFAULTS));
        assertBlobError(BlobError.INTERNAL,
                () -> store.write(a, ObjectSource.unknownLength(new FailingInputStream(body, 45_000)), WriteOptions.DEFAULTS));
        assertBlobError(BlobError.BAD_DIGEST,
                () -> put(store, a, body, WriteOptions.DEFAULTS.withExpected(ChecksumAlgorithm.MD5, "00")));
        assertBlobError(BlobError.BAD_DIGEST,
                () -> store.write(a, new ObjectSource(new ByteArrayInputStream(body), body.length + 1), WriteOptions.DEFAULTS));
        put(store, b, new byte[10]);
        assertBlobError(BlobError.PRECONDITION_FAILED,
                () -> put(store, b, body, WriteOptions.DEFAULTS.withPrecondition(new WritePrecondition.IfAbsent())));
        assertEquals(10, store.usedBytes());
        put(store, a, randomBytes((int) CAP - 10, 5));
        assertEquals(CAP, store.usedBytes());
    }

    @Test
    void deleteFreesSpace() {
        put(store, a, randomBytes(100_000, 1));
        assertBlobError(BlobError.INSUFFICIENT_STORAGE, () -> put(store, b, new byte[1]));
        store.delete(a);
        assertEquals(0, store.usedBytes());
        put(store, b, randomBytes(100_000, 2));
    }

    @Test
    void overwriteFreesThePreviousVersion() {
        put(store, a, randomBytes(60_000, 1));
        put(store, a, randomBytes(10_000, 2));
        assertEquals(10_000, store.usedBytes());
        put(store, b, randomBytes(90_000, 3));
        assertEquals(CAP, store.usedBytes());
    }

    @Test
    void overwriteNeedsRoomForBothVersionsUntilItPublishes() {
        put(store, a, randomBytes(60_000, 1));
        assertBlobError(BlobError.INSUFFICIENT_STORAGE, () -> put(store, a, randomBytes(60_000, 2)));
        assertEquals(60_000, store.usedBytes());
    }

    @Test
    void healthTurnsUnwritableWhenLessThanOnePercentIsFree() {
        assertTrue(store.health().writable());
        put(store, a, randomBytes(99_000, 1));
        assertTrue(store.health().writable(), "exactly 1% free is still writable");
        put(store, b, new byte[1]);
        HealthReport full = store.health();
        assertFalse(full.writable());
        assertTrue(full.readable());
        assertTrue(full.detail().contains("memory.max-bytes"), full.detail());
        store.delete(a);
        assertTrue(store.health().writable());
    }

    @Test
    void healthHeadroomIsAtMostOneMebibyte() {
        MemoryBlobStore large = new MemoryBlobStore(200L << 20);
        try {
            large.createBucket("h");
            put(large, new BlobKey("h", "k"), new byte[(int) ((200L << 20) - (1L << 20))]);
            assertTrue(large.health().writable(), "1 MiB free of 200 MiB is writable");
            put(large, new BlobKey("h", "k2"), new byte[1]);
            assertFalse(large.health().writable());
        } finally {
            large.close();
        }
    }

    @Test
    void deletingABucketDoesNotLeakItsBytes() {
        put(store, a, randomBytes(1000, 1));
        store.delete(a);
        store.deleteBucket("cap");
        assertEquals(0, store.usedBytes());
    }

    @Test
    void closeForgetsEverythingAndRefusesFurtherCalls() {
        put(store, a, randomBytes(1000, 1));
        store.close();
        assertEquals(0, store.usedBytes());
        assertFalse(store.health().readable());
        assertBlobError(BlobError.UNAVAILABLE, () -> store.stat(a));
        assertBlobError(BlobError.UNAVAILABLE, () -> put(store, a, new byte[1]));
        assertBlobError(BlobError.UNAVAILABLE, () -> store.listBuckets());
    }
}
