package dev.cairn.blob.testkit.faults;

import static dev.cairn.blob.testkit.ContractSupport.assertBlobError;
import static dev.cairn.blob.testkit.ContractSupport.put;
import static dev.cairn.blob.testkit.ContractSupport.randomBytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BackendSettings;
import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.ByteRange;
import dev.cairn.blob.ForwardingBlobStore;
import dev.cairn.blob.ListRequest;
import dev.cairn.blob.ObjectReader;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.ReadOptions;
import dev.cairn.blob.SupportsMultipart;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.memory.MemoryBlobStoreProvider;
import dev.cairn.blob.testkit.faults.Faults.Operation;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each fault of {@link FaultyBlobStore}, over a real memory store. */
class FaultyBlobStoreTest {
    private static final BlobKey KEY = new BlobKey("b", "k");
    private final byte[] data = randomBytes(10_000, 1);
    private BlobStore memory;
    private Faults faults;
    private BlobStore store;

    @BeforeEach
    void setUp() {
        memory = new MemoryBlobStoreProvider().open(new BackendSettings(Path.of("unused"), Map.of()));
        memory.createBucket("b");
        put(memory, KEY, data);
        faults = new Faults(42);
        store = FaultyBlobStore.wrap(memory, faults);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private byte[] read(ReadOptions options) throws IOException {
        try (ObjectReader r = store.read(KEY, options)) {
            return r.stream().readAllBytes();
        }
    }

    @Test
    void latencyDelaysTheChosenCallsOnly() {
        faults.latency(Duration.ofMillis(150), Duration.ofMillis(50)).only(Operation.STAT);
        long start = System.nanoTime();
        store.stat(KEY);
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(150).toNanos(), "stat was not delayed");
        start = System.nanoTime();
        store.list(ListRequest.all("b"));
        assertTrue(System.nanoTime() - start < Duration.ofMillis(150).toNanos() * 10, "list was delayed");
        faults.clear();
        start = System.nanoTime();
        store.stat(KEY);
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(1).toNanos(), "clear kept the latency");
    }

    @Test
    void errorsFailTheirShareOfCallsWithTheChosenError() {
        faults.errors(1.0, BlobError.THROTTLED);
        assertBlobError(BlobError.THROTTLED, () -> store.stat(KEY));
        faults.errors(1.0);
        BlobStoreException e = assertBlobError(BlobError.UNAVAILABLE, () -> store.stat(KEY));
        assertEquals("k", e.key());
        faults.errors(0.5);
        int failed = 0;
        for (int i = 0; i < 1000; i++) {
            try {
                store.stat(KEY);
            } catch (BlobStoreException x) {
                failed++;
            }
        }
        assertTrue(failed > 350 && failed < 650, failed + " of 1000 failed at rate 0.5");
        assertEquals(2 + failed, faults.injectedErrors());
        assertEquals(1002, faults.calls(Operation.STAT));
    }

    @Test
    void onlyAimsErrorsAtTheNamedOperations() throws IOException {
        faults.errors(1.0).only(Operation.WRITE, Operation.DELETE);
        assertArrayEquals(data, read(ReadOptions.WHOLE));
        assertBlobError(BlobError.UNAVAILABLE, () -> store.write(KEY, ObjectSource.of(new byte[1]), WriteOptions.DEFAULTS));
        assertBlobError(BlobError.UNAVAILABLE, () -> store.delete(KEY));
        assertArrayEquals(data, read(ReadOptions.WHOLE), "a failed write changed the object");
    }

    @Test
    void aDownStoreFailsEveryCallAndReportsItInHealth() {
        faults.only(Operation.STAT).down(true);
        assertBlobError(BlobError.UNAVAILABLE, () -> store.read(KEY, ReadOptions.WHOLE));
        assertBlobError(BlobError.UNAVAILABLE, () -> store.bucketExists("b"));
        assertBlobError(BlobError.UNAVAILABLE, () -> store.write(KEY, ObjectSource.of(new byte[1]), WriteOptions.DEFAULTS));
        assertBlobError(BlobError.UNAVAILABLE, () -> ((SupportsMultipart) store).createMultipartUpload(KEY, WriteOptions.DEFAULTS));
        assertFalse(store.health().readable());
        faults.down(false);
        assertTrue(store.health().readable());
        assertEquals(data.length, store.stat(KEY).size());
    }

    @Test
    void aTruncatedStreamFailsAfterTheGivenBytes() throws IOException {
        faults.truncateReadsAfter(1000);
        try (ObjectReader r = store.read(KEY, ReadOptions.WHOLE)) {
            byte[] first = r.stream().readNBytes(1000);
            assertArrayEquals(java.util.Arrays.copyOf(data, 1000), first);
            assertThrows(IOException.class, () -> r.stream().read());
        }
        faults.truncateReadsAfter(-1);
        assertArrayEquals(data, read(ReadOptions.WHOLE));
    }

    @Test
    void aFlippedByteIsInvertedAtItsOffsetInTheStream() throws IOException {
        faults.flipByteAt(1234);
        byte[] got = read(ReadOptions.WHOLE);
        assertEquals((byte) ~data[1234], got[1234]);
        got[1234] = data[1234];
        assertArrayEquals(data, got);
        // the offset is in the object: a ranged read covering it sees it, one that does not is clean
        byte[] ranged = read(ReadOptions.range(new ByteRange.Closed(1200, 1300)));
        assertEquals((byte) ~data[1234], ranged[34]);
        assertArrayEquals(java.util.Arrays.copyOfRange(data, 2000, 3000), read(ReadOptions.range(new ByteRange.Closed(2000, 2999))));
        // single-byte reads meet the fault too
        try (ObjectReader r = store.read(KEY, ReadOptions.WHOLE)) {
            r.stream().skip(1234);
            assertEquals(~data[1234] & 0xff, r.stream().read());
        }
    }

    @Test
    void aRandomFlipChangesExactlyOneByte() throws IOException {
        faults.flipRandomByte();
        for (int i = 0; i < 5; i++) {
            byte[] got = read(ReadOptions.WHOLE);
            int differ = 0;
            for (int j = 0; j < data.length; j++) {
                differ += got[j] != data[j] ? 1 : 0;
            }
            assertEquals(1, differ);
        }
    }

    @Test
    void readersAreCountedUntilClosed() throws IOException {
        ObjectReader r = store.read(KEY, ReadOptions.WHOLE);
        assertEquals(1, faults.openReaders());
        r.close();
        r.close();
        assertEquals(0, faults.openReaders());
    }

    @Test
    void multipartIsKeptAndItsCallsMeetTheirFaults() {
        assertTrue(store instanceof SupportsMultipart);
        SupportsMultipart mp = (SupportsMultipart) store;
        String id = mp.createMultipartUpload(KEY, WriteOptions.DEFAULTS).uploadId();
        faults.errors(1.0).only(Operation.MULTIPART);
        assertBlobError(BlobError.UNAVAILABLE, () -> mp.uploadPart(KEY, id, 1, ObjectSource.of(new byte[5]), WriteOptions.DEFAULTS));
        assertEquals(data.length, store.stat(KEY).size(), "object calls met the multipart fault");
        faults.only(Operation.STAT);
        mp.uploadPart(KEY, id, 1, ObjectSource.of(new byte[5]), WriteOptions.DEFAULTS);
        assertBlobError(BlobError.UNAVAILABLE, () -> store.stat(KEY));
        assertEquals(1, faults.calls(Operation.STAT) - 1, "object calls must go through the faulty store exactly once");
    }

    @Test
    void aStoreWithoutMultipartStaysWithoutIt() {
        BlobStore plain = new ForwardingBlobStore(memory) {
        };
        assertFalse(FaultyBlobStore.wrap(plain, faults) instanceof SupportsMultipart);
    }

    @Test
    void faultsChangedWhileCallsRunAreSeenWhole() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger wrong = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch calling = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            while (!stop.get()) {
                try {
                    store.stat(KEY);
                } catch (BlobStoreException e) {
                    if (e.error() != BlobError.UNAVAILABLE && e.error() != BlobError.THROTTLED) {
                        wrong.incrementAndGet();
                    }
                }
                calls.incrementAndGet();
                calling.countDown();
            }
        });
        reader.start();
        assertTrue(calling.await(10, TimeUnit.SECONDS), "the reader never ran");
        // Keep changing the faults until the reader has made enough calls while they changed: on a
        // loaded machine 2000 changes can finish before the reader is scheduled at all.
        int before = calls.get();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (int i = 0; (i < 2000 || calls.get() - before < 200) && System.nanoTime() < deadline; i++) {
            faults.down(i % 2 == 0).errors(i % 3 == 0 ? 1.0 : 0, BlobError.THROTTLED);
        }
        int during = calls.get() - before;
        faults.clear();
        stop.set(true);
        reader.join(10_000);
        assertEquals(0, wrong.get());
        assertTrue(during >= 200, "only " + during + " calls ran while the faults changed");
    }
}
