package dev.cairn.blob.replicated;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.ByteRange;
import dev.cairn.blob.ObjectReader;
import dev.cairn.blob.ReadOptions;
import dev.cairn.blob.digest.IntegrityException;
import dev.cairn.blob.testkit.ContractSupport;
import dev.cairn.blob.testkit.MultipartSupport;
import dev.cairn.blob.testkit.faults.Faults.Operation;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Verification on read: a replica whose stored bytes rotted (a flipped byte) never serves them as good. */
class CorruptReplicaTest {
    private static final BlobKey KEY = new BlobKey(HedgeFixture.BUCKET, "rot");
    private static final int BUFFER = 4 * 1024;
    private static final HedgeSettings SETTINGS = new HedgeSettings(Duration.ofSeconds(10), 1.0, BUFFER);

    @Test
    void aSmallCorruptObjectIsServedFromTheNextReplicaAndRepaired() {
        try (HedgeFixture f = new HedgeFixture(3, SETTINGS, 1)) {
            byte[] data = ContractSupport.randomBytes(1000, 1);
            f.putEverywhere(KEY, data);
            f.faults.get(0).flipByteAt(500);
            assertArrayEquals(data, f.readWhole(KEY));
            assertEquals(1, f.atRest());
            assertEquals(List.of(new HedgeFixture.Repair(KEY, 0, RepairSink.Reason.CORRUPT)), f.repairs);
            assertEquals(1, f.hedges("failover"));
            assertEquals(0, HedgedReadsTest.openReaders(f));
        }
    }

    @Test
    void aBigCorruptObjectFailsItsStreamAndTheRetryIsServedElsewhere() throws IOException {
        try (HedgeFixture f = new HedgeFixture(3, SETTINGS, 1)) {
            byte[] data = ContractSupport.randomBytes(64 * 1024, 2);
            f.putEverywhere(KEY, data);
            f.faults.get(0).flipByteAt(40_000);
            try (ObjectReader r = f.reads.read(KEY, ReadOptions.WHOLE)) {
                IOException e = assertThrows(IOException.class, () -> r.stream().readAllBytes());
                assertTrue(e instanceof IntegrityException, e.toString());
                // never a clean end afterwards either
                assertThrows(IOException.class, () -> r.stream().read());
            }
            assertEquals(1, f.atRest());
            assertEquals(List.of(new HedgeFixture.Repair(KEY, 0, RepairSink.Reason.CORRUPT)), f.repairs);
            assertTrue(f.reads.suspect(KEY, 0));

            assertArrayEquals(data, f.readWhole(KEY));
            assertEquals(1, f.faults.get(0).calls(Operation.READ), "the retry went back to the corrupt replica");
            assertEquals(1, f.atRest());
        }
    }

    @Test
    void aConsumerThatStopsAtTheLengthStillSeesTheError() throws IOException {
        try (HedgeFixture f = new HedgeFixture(2, SETTINGS, 1)) {
            byte[] data = ContractSupport.randomBytes(64 * 1024, 3);
            f.putEverywhere(KEY, data);
            f.faults.get(0).flipByteAt(data.length - 1);
            try (ObjectReader r = f.reads.read(KEY, ReadOptions.WHOLE)) {
                // readNBytes(length) stops at the length without asking for the end
                assertThrows(IOException.class, () -> r.stream().readNBytes(data.length));
            }
        }
    }

    @Test
    void aRepairedReplicaIsAskedFirstAgain() {
        try (HedgeFixture f = new HedgeFixture(2, new HedgeSettings(Duration.ofSeconds(10), 1.0, 0), 1)) {
            byte[] data = ContractSupport.randomBytes(100, 4);
            f.putEverywhere(KEY, data);
            f.faults.get(0).flipByteAt(0);
            assertThrows(java.io.UncheckedIOException.class, () -> f.readWhole(KEY));
            assertTrue(f.reads.suspect(KEY, 0));
            f.faults.get(0).clear();
            f.reads.repaired(KEY, 0);
            assertFalse(f.reads.suspect(KEY, 0));
            assertArrayEquals(data, f.readWhole(KEY));
            assertEquals(2, f.faults.get(0).calls(Operation.READ));
        }
    }

    @Test
    void multipartObjectsAreVerifiedAgainstTheirCompositeDigest() throws IOException {
        List<byte[]> parts = List.of(ContractSupport.randomBytes(3000, 5), ContractSupport.randomBytes(3000, 6),
                ContractSupport.randomBytes(100, 7));
        byte[] whole = MultipartSupport.concat(parts);
        for (long buffer : new long[] {BUFFER * 4L, 0}) {
            try (HedgeFixture f = new HedgeFixture(2, new HedgeSettings(Duration.ofSeconds(10), 1.0, buffer), 1)) {
                assertEquals(MultipartSupport.expectedBlake3(parts), f.putMultipartEverywhere(KEY, parts).blake3());
                assertArrayEquals(whole, f.readWhole(KEY), "a good multipart copy failed verification");
                assertEquals(0, f.atRest());
                f.faults.get(0).flipByteAt(3500);
                if (buffer > 0) {
                    assertArrayEquals(whole, f.readWhole(KEY));
                } else {
                    assertThrows(java.io.UncheckedIOException.class, () -> f.readWhole(KEY));
                }
                assertEquals(1, f.atRest(), "buffer " + buffer);
            }
        }
    }

    @Test
    void aRangeCoveringTheWholeObjectIsVerified() {
        try (HedgeFixture f = new HedgeFixture(2, SETTINGS, 1)) {
            byte[] data = ContractSupport.randomBytes(1000, 8);
            f.putEverywhere(KEY, data);
            f.faults.get(0).flipByteAt(10);
            try (ObjectReader r = f.reads.read(KEY, ReadOptions.range(new ByteRange.From(0)))) {
                assertArrayEquals(data, r.stream().readAllBytes());
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            assertEquals(1, f.atRest());
        }
    }

    @Test
    void rangedReadsAreNotVerified() throws IOException {
        // the documented limit (ADR 0016): without a hash tree a part of an object cannot be checked
        try (HedgeFixture f = new HedgeFixture(2, SETTINGS, 1)) {
            byte[] data = ContractSupport.randomBytes(1000, 9);
            f.putEverywhere(KEY, data);
            f.faults.get(0).flipByteAt(0);
            try (ObjectReader r = f.reads.read(KEY, ReadOptions.range(new ByteRange.Closed(0, 9)))) {
                assertEquals((byte) ~data[0], r.stream().readAllBytes()[0]);
            }
            assertEquals(0, f.atRest());
        }
    }

    @Test
    void aCutStreamWhileBufferingMovesOnWithoutCountingCorruption() {
        try (HedgeFixture f = new HedgeFixture(2, SETTINGS, 1)) {
            byte[] data = ContractSupport.randomBytes(1000, 10);
            f.putEverywhere(KEY, data);
            f.faults.get(0).truncateReadsAfter(100);
            assertArrayEquals(data, f.readWhole(KEY));
            assertEquals(0, f.atRest());
            assertTrue(f.repairs.isEmpty());
        }
    }

    @Test
    void whenEveryCopyIsCorruptTheReadFailsInternal() {
        try (HedgeFixture f = new HedgeFixture(2, SETTINGS, 1)) {
            f.putEverywhere(KEY, ContractSupport.randomBytes(1000, 11));
            f.faults.forEach(x -> x.flipRandomByte());
            ContractSupport.assertBlobError(BlobError.INTERNAL, () -> f.reads.read(KEY, ReadOptions.WHOLE));
            assertEquals(2, f.atRest());
            assertEquals(2, f.repairs.size());
        }
    }
}
