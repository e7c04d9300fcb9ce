package dev.cairn.blob.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DigestingInputStreamTest {
    private static final byte[] ABC = "abc".getBytes(StandardCharsets.US_ASCII);
    // Reference values: b3sum and md5sum of "abc"; CRC32C of "abc" from RFC 3720 test tooling.
    private static final String B3_ABC = "6437b3ac38465133ffb63b75273a8db548c558465d79db03fd359c6cd5bd9d85";
    private static final String B3_EMPTY = "af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262";
    private static final String MD5_ABC = "900150983cd24fb0d6963f7d28e17f72";

    private static Map<ChecksumAlgorithm, String> drain(DigestingInputStream in) throws IOException {
        return in.drain(new byte[2]);
    }

    @Test
    void computesBlake3AndMd5InOnePass() throws IOException {
        var in = new DigestingInputStream(new ByteArrayInputStream(ABC), 3, Map.of(), Set.of(ChecksumAlgorithm.CRC32C));
        Map<ChecksumAlgorithm, String> d = drain(in);
        assertEquals(B3_ABC, d.get(ChecksumAlgorithm.B3));
        assertEquals(MD5_ABC, d.get(ChecksumAlgorithm.MD5));
        assertEquals("Nks/tw==", d.get(ChecksumAlgorithm.CRC32C));
        assertEquals(3, in.count());
        assertEquals(B3_EMPTY, Blake3.hex(new byte[0]));
    }

    @Test
    void expectedDigestMismatchFailsTheFinalRead() {
        var in = new DigestingInputStream(new ByteArrayInputStream(ABC), -1, Map.of(ChecksumAlgorithm.B3, B3_EMPTY), Set.of());
        IntegrityException e = assertThrows(IntegrityException.class, () -> drain(in));
        assertEquals(IntegrityException.Reason.DIGEST_MISMATCH, e.reason());
        assertEquals(ChecksumAlgorithm.B3, e.algorithm());
        assertThrows(IllegalStateException.class, in::digests);
    }

    @Test
    void expectedDigestMatchPasses() throws IOException {
        var in = new DigestingInputStream(new ByteArrayInputStream(ABC), 3, Map.of(ChecksumAlgorithm.B3, B3_ABC), Set.of());
        assertEquals(B3_ABC, drain(in).get(ChecksumAlgorithm.B3));
    }

    @Test
    void shortAndLongBodiesFailOnLength() {
        var shortBody = new DigestingInputStream(new ByteArrayInputStream(ABC), 4, Map.of(), Set.of());
        assertEquals(IntegrityException.Reason.LENGTH_MISMATCH, assertThrows(IntegrityException.class, () -> drain(shortBody)).reason());
        var longBody = new DigestingInputStream(new ByteArrayInputStream(ABC), 2, Map.of(), Set.of());
        assertEquals(IntegrityException.Reason.LENGTH_MISMATCH, assertThrows(IntegrityException.class, () -> drain(longBody)).reason());
    }

    @Test
    void singleByteReadsSeeEveryByte() throws IOException {
        var in = new DigestingInputStream(new ByteArrayInputStream(ABC), 3, Map.of(), Set.of());
        while (in.read() >= 0) {
            // one byte at a time
        }
        assertEquals(B3_ABC, in.digests().get(ChecksumAlgorithm.B3));
    }
}
