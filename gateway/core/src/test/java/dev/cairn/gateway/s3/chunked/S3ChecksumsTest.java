package dev.cairn.gateway.s3.chunked;

import dev.cairn.gateway.s3.error.S3ErrorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.blob.digest.DigestingInputStream;
import dev.cairn.blob.digest.IntegrityException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class S3ChecksumsTest {
    @Test
    void contentMd5IsDecodedToHex() throws S3RequestException {
        assertEquals("d41d8cd98f00b204e9800998ecf8427e", S3Checksums.contentMd5Hex("1B2M2Y8AsgTpgAmY7PhCfg=="));
        assertEquals("900150983cd24fb0d6963f7d28e17f72", S3Checksums.contentMd5Hex(" kAFQmDzST7DWlj99KOF/cg== "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1B2M2Y8AsgTpgAmY7PhCfg", "1B2M2Y8AsgTpgAmY7PhCfg=", "1B2M2Y8AsgTpgAmY7PhCfh==",
        "d41d8cd98f00b204e9800998ecf8427e", "1B2M2Y8AsgTpgAmY7PhCfg==AAAA", "1B2M2Y8AsgTpgAmY7PhC*g=="})
    void malformedContentMd5IsInvalidDigest(String value) {
        S3RequestException e = assertThrows(S3RequestException.class, () -> S3Checksums.contentMd5Hex(value));
        assertEquals(S3ErrorCode.InvalidDigest, e.error());
        assertEquals("InvalidDigest", e.s3Code());
    }

    @Test
    void contentMd5MismatchIsBadDigestThroughTheStoreStream() throws S3RequestException {
        String expected = S3Checksums.contentMd5Hex("kAFQmDzST7DWlj99KOF/cg=="); // MD5("abc")
        DigestingInputStream in = new DigestingInputStream(new ByteArrayInputStream("abd".getBytes(StandardCharsets.US_ASCII)),
                3, Map.of(ChecksumAlgorithm.MD5, expected), Set.of());
        IntegrityException e = assertThrows(IntegrityException.class, () -> in.drain(new byte[16]));
        assertSame(ChecksumAlgorithm.MD5, e.algorithm());
        assertEquals(S3ErrorCode.BadDigest, S3Checksums.errorFor(e));
        assertEquals("The Content-MD5 you specified did not match what we received.", S3Checksums.badDigestMessage(e.algorithm()));
    }

    @Test
    void lengthMismatchMapsToIncompleteBody() {
        assertEquals(S3ErrorCode.IncompleteBody,
                S3Checksums.errorFor(new IntegrityException(IntegrityException.Reason.LENGTH_MISMATCH, null, "short")));
    }

    @Test
    void namesFollowS3() throws S3RequestException {
        assertEquals("x-amz-checksum-crc64nvme", S3Checksums.headerName(ChecksumAlgorithm.CRC64NVME));
        assertSame(ChecksumAlgorithm.SHA1, S3Checksums.forHeaderName("X-Amz-Checksum-SHA1"));
        assertEquals(null, S3Checksums.forHeaderName("x-amz-checksum-md5"));
        assertSame(ChecksumAlgorithm.CRC64NVME, S3Checksums.parseAlgorithm("x-amz-checksum-algorithm", "crc64nvme"));
        assertThrows(S3RequestException.class, () -> S3Checksums.parseAlgorithm("x-amz-checksum-algorithm", "B3"));
        assertThrows(IllegalArgumentException.class, () -> S3Checksums.headerName(ChecksumAlgorithm.B3));
    }
}
