package dev.cairn.gateway.s3.ops;

import static dev.cairn.gateway.s3.ops.ObjectTestSupport.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.gateway.s3.S3TestClient;
import dev.cairn.gateway.s3.S3TestClient.Payload;
import dev.cairn.gateway.s3.chunked.S3Checksums;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Flexible checksums on PutObject, GetObject, HeadObject and CopyObject: every value Cairn sends
 * equals an independent computation ({@link ReferenceChecksums}), for sizes around the CRC
 * slicing width and the store's buffers; and no full-object checksum goes out with part of an
 * object.
 */
class ChecksumValuesTest {
    private static final int[] SIZES = {0, 1, 7, 8, 9, 4096, 65_537, 1_048_583};

    private final S3TestClient s3 = new S3TestClient();

    @BeforeEach
    void bucket() {
        assertEquals(200, s3.request("PUT", "/bkt").send().status());
    }

    static List<Arguments> algorithmsAndSizes() {
        List<Arguments> out = new ArrayList<>();
        for (ChecksumAlgorithm a : S3Checksums.FLEXIBLE) {
            for (int size : SIZES) {
                out.add(Arguments.of(a, size));
            }
        }
        return out;
    }

    private static byte[] random(int size) {
        byte[] data = new byte[size];
        new Random(size * 31L + 5).nextBytes(data);
        return data;
    }

    private S3TestClient.Response read(String method, String path) {
        return s3.request(method, path).header("x-amz-checksum-mode", "ENABLED").send();
    }

    @Test
    void referenceCrc64NvmeMatchesTheCheckValue() {
        assertEquals(ReferenceChecksums.CRC64NVME_CHECK, ReferenceChecksums.crc64Nvme("123456789".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("rosUhgp5mIg=", ReferenceChecksums.base64(ChecksumAlgorithm.CRC64NVME, "123456789".getBytes(StandardCharsets.US_ASCII)));
    }

    @ParameterizedTest
    @MethodSource("algorithmsAndSizes")
    void putEchoesAndGetAndHeadReturnTheRightValue(ChecksumAlgorithm algorithm, int size) {
        byte[] data = random(size);
        String expected = ReferenceChecksums.base64(algorithm, data);
        String header = S3Checksums.headerName(algorithm);
        S3TestClient.Response put = s3.request("PUT", "/bkt/o").payload(size % 2 == 0 ? Payload.SIGNED : Payload.STREAMING)
                .header(header, expected).body(data).send();
        assertEquals(200, put.status(), put.text());
        assertEquals(expected, put.header(header));
        assertEquals("FULL_OBJECT", put.header("x-amz-checksum-type"));
        for (String method : new String[] {"GET", "HEAD"}) {
            S3TestClient.Response r = read(method, "/bkt/o");
            assertEquals(200, r.status(), r.text());
            assertEquals(expected, r.header(header), method);
            assertEquals("FULL_OBJECT", r.header("x-amz-checksum-type"), method);
            assertOnlyChecksum(r, algorithm);
        }
    }

    @ParameterizedTest
    @MethodSource("algorithmsAndSizes")
    void copyComputesTheRequestedChecksum(ChecksumAlgorithm algorithm, int size) {
        byte[] data = random(size);
        assertEquals(200, s3.request("PUT", "/bkt/plain").body(data).send().status());
        S3TestClient.Response copy = s3.request("PUT", "/bkt/copied").header("x-amz-copy-source", "/bkt/plain")
                .header("x-amz-checksum-algorithm", algorithm.name()).send();
        assertEquals(200, copy.status(), copy.text());
        String expected = ReferenceChecksums.base64(algorithm, data);
        String element = "Checksum" + algorithm.name();
        assertTrue(copy.text().contains("<" + element + ">" + expected + "</" + element + ">"), copy.text());
        assertEquals(expected, read("HEAD", "/bkt/copied").header(S3Checksums.headerName(algorithm)));
    }

    @Test
    void noChecksumWithoutTheModeAndTheDefaultCrc64nvmeWithoutAClientChecksum() {
        byte[] data = random(100);
        s3.request("PUT", "/bkt/c").header("x-amz-checksum-sha256", ReferenceChecksums.base64(ChecksumAlgorithm.SHA256, data)).body(data).send();
        for (String method : new String[] {"GET", "HEAD"}) {
            S3TestClient.Response r = s3.request(method, "/bkt/c").send();
            assertNull(r.header("x-amz-checksum-sha256"), method);
            assertNull(r.header("x-amz-checksum-type"), method);
            assertNull(s3.request(method, "/bkt/c").header("x-amz-checksum-mode", "DISABLED").send().header("x-amz-checksum-sha256"));
        }
        s3.request("PUT", "/bkt/none").body(data).send();
        S3TestClient.Response none = read("GET", "/bkt/none");
        // As on S3, an object stored without a client checksum carries CRC64NVME.
        assertOnlyChecksum(none, ChecksumAlgorithm.CRC64NVME);
        assertEquals(ReferenceChecksums.base64(ChecksumAlgorithm.CRC64NVME, data), none.header("x-amz-checksum-crc64nvme"));
        assertEquals("FULL_OBJECT", none.header("x-amz-checksum-type"));
        S3TestClient.Response put = s3.request("PUT", "/bkt/none").body(data).send();
        assertEquals(ReferenceChecksums.base64(ChecksumAlgorithm.CRC64NVME, data), put.header("x-amz-checksum-crc64nvme"),
                "S3 answers the CRC64NVME it added");
        assertEquals("FULL_OBJECT", put.header("x-amz-checksum-type"));
    }

    @Test
    void partsOfTheObjectNeverCarryAFullObjectChecksum() {
        byte[] data = random(1000);
        String crc = ReferenceChecksums.base64(ChecksumAlgorithm.CRC32C, data);
        s3.request("PUT", "/bkt/r").header("x-amz-checksum-crc32c", crc).body(data).send();
        for (String range : new String[] {"bytes=0-9", "bytes=-10", "bytes=500-", "bytes=0-"}) {
            for (String method : new String[] {"GET", "HEAD"}) {
                S3TestClient.Response r = s3.request(method, "/bkt/r").header("x-amz-checksum-mode", "ENABLED").header("Range", range).send();
                assertEquals(206, r.status(), method + " " + range);
                assertOnlyChecksum(r, null);
                assertNull(r.header("x-amz-checksum-type"), method + " " + range);
            }
        }
        // partNumber=1 of a single-part object is the whole object, so its checksum is the object's
        S3TestClient.Response part = s3.request("GET", "/bkt/r").query("partNumber", "1").header("x-amz-checksum-mode", "ENABLED").send();
        assertEquals(206, part.status(), part.text());
        assertEquals(crc, part.header("x-amz-checksum-crc32c"));
        assertError(s3.request("GET", "/bkt/r").query("partNumber", "2").header("x-amz-checksum-mode", "ENABLED").send(), 416, "InvalidPartNumber");
    }

    private static void assertOnlyChecksum(S3TestClient.Response r, ChecksumAlgorithm algorithm) {
        for (ChecksumAlgorithm a : S3Checksums.FLEXIBLE) {
            String name = "x-amz-checksum-" + a.name().toLowerCase(Locale.ROOT);
            if (a != algorithm) {
                assertNull(r.header(name), name);
            }
        }
    }
}
