package dev.cairn.blob.replicated;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BlobKey;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.blob.testkit.ContractSupport;
import dev.cairn.blob.testkit.MultipartSupport;
import dev.cairn.blob.digest.Hex;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The BLAKE3 recomputed on read, plain and composite, against an independent BouncyCastle oracle. */
class VerifyingDigestTest {
    private static final BlobKey KEY = new BlobKey("b", "k");

    private static ObjectInfo info(long size, String b3, List<Long> parts) {
        return new ObjectInfo(KEY, size, "etag", Instant.EPOCH, null, null, null, Map.of(ChecksumAlgorithm.B3, b3), parts);
    }

    private static boolean check(ObjectInfo info, byte[] data, int chunk) {
        VerifyingDigest d = VerifyingDigest.expecting(info);
        for (int off = 0; off < data.length; off += chunk) {
            d.update(data, off, Math.min(chunk, data.length - off));
        }
        return d.matches();
    }

    @Test
    void aSinglePartObjectMatchesOnlyItsOwnBytes() {
        byte[] data = ContractSupport.randomBytes(5000, 1);
        ObjectInfo info = info(data.length, Hex.encode(MultipartSupport.blake3(data)), null);
        assertTrue(check(info, data, 777));
        byte[] flipped = data.clone();
        flipped[4999] ^= 1;
        assertFalse(check(info, flipped, 777));
        assertFalse(check(info, java.util.Arrays.copyOf(data, 4999), 777), "a short stream matched");
        assertFalse(check(info, java.util.Arrays.copyOf(data, 5001), 777), "a long stream matched");
    }

    @Test
    void aCompositeIsCutAtThePartSizesWhateverTheReadChunks() {
        List<byte[]> parts = List.of(ContractSupport.randomBytes(1000, 2), new byte[0], ContractSupport.randomBytes(10, 3),
                ContractSupport.randomBytes(2048, 4));
        byte[] whole = MultipartSupport.concat(parts);
        ObjectInfo info = info(whole.length, MultipartSupport.expectedBlake3(parts), List.of(1000L, 0L, 10L, 2048L));
        for (int chunk : new int[] {1, 7, 1000, 1001, 4096}) {
            assertTrue(check(info, whole, chunk), "chunk " + chunk);
        }
        // the same bytes cut at other boundaries are another composite
        ObjectInfo shifted = info(whole.length, MultipartSupport.expectedBlake3(parts), List.of(1001L, 0L, 9L, 2048L));
        assertFalse(check(shifted, whole, 64));
    }

    @Test
    void infoItCannotCheckIsReportedAsSuch() {
        assertNull(VerifyingDigest.expecting(info(3, "not-hex", null)));
        String hex = Hex.encode(MultipartSupport.blake3(new byte[3]));
        assertNull(VerifyingDigest.expecting(info(3, hex + "-2", List.of(3L))), "part count differs from the suffix");
        assertNull(VerifyingDigest.expecting(info(3, hex + "-1", List.of(2L))), "part sizes do not add up");
        assertNull(VerifyingDigest.expecting(info(3, hex + "-1", null)), "a composite without part sizes");
        assertNull(VerifyingDigest.expecting(new ObjectInfo(KEY, 3, "e", Instant.EPOCH, null, null, null, Map.of())));
    }
}
