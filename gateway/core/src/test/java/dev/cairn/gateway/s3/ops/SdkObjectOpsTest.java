package dev.cairn.gateway.s3.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.gateway.s3.JdkS3Server;
import dev.cairn.gateway.s3.S3TestClient;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The real AWS SDK for Java v2 against {@code S3Api} behind a minimal JDK HTTP server, at its
 * defaults (streaming uploads with trailing CRC32, response checksum validation) and at
 * {@code WHEN_REQUIRED}. Catches wire-format mismatches the in-process client cannot see.
 */
class SdkObjectOpsTest {
    private static final S3TestClient GATEWAY = new S3TestClient();
    private static JdkS3Server server;

    @BeforeAll
    static void start() {
        server = JdkS3Server.start(GATEWAY.api());
        GATEWAY.store().createBucket("sdk-bucket");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static S3Client client(RequestChecksumCalculation calc) {
        return server.client(calc);
    }

    @ParameterizedTest
    @EnumSource(value = RequestChecksumCalculation.class, names = {"WHEN_SUPPORTED", "WHEN_REQUIRED"})
    void putGetHeadCopyDelete(RequestChecksumCalculation calc) {
        String k = "sdk/" + calc + "/ünï code+key %.bin";
        byte[] data = new byte[300_000];
        new Random(calc.ordinal()).nextBytes(data);
        try (S3Client s3 = client(calc)) {
            PutObjectResponse put = s3.putObject(b -> b.bucket("sdk-bucket").key(k).contentType("application/x-test")
                    .metadata(Map.of("colour", "blue")), RequestBody.fromBytes(data));
            assertEquals("\"" + ObjectTestSupport.md5Hex(data) + "\"", put.eTag());
            if (calc == RequestChecksumCalculation.WHEN_SUPPORTED) {
                assertEquals(ObjectTestSupport.crc32Base64(data), put.checksumCRC32(), "the trailing CRC32 is echoed");
            }

            ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(b -> b.bucket("sdk-bucket").key(k).checksumMode(ChecksumMode.ENABLED));
            assertArrayEquals(data, got.asByteArray());
            assertEquals("application/x-test", got.response().contentType());
            assertEquals("blue", got.response().metadata().get("colour"));
            assertEquals(put.eTag(), got.response().eTag());

            ResponseBytes<GetObjectResponse> range = s3.getObjectAsBytes(b -> b.bucket("sdk-bucket").key(k).range("bytes=10-19"));
            assertEquals("bytes 10-19/" + data.length, range.response().contentRange());
            assertArrayEquals(java.util.Arrays.copyOfRange(data, 10, 20), range.asByteArray());

            HeadObjectResponse head = s3.headObject(b -> b.bucket("sdk-bucket").key(k));
            assertEquals(data.length, head.contentLength());
            assertEquals(put.eTag(), head.eTag());

            CopyObjectResponse copy = s3.copyObject(b -> b.sourceBucket("sdk-bucket").sourceKey(k)
                    .destinationBucket("sdk-bucket").destinationKey(k + ".copy"));
            assertEquals(put.eTag(), copy.copyObjectResult().eTag());
            assertArrayEquals(data, s3.getObjectAsBytes(b -> b.bucket("sdk-bucket").key(k + ".copy")).asByteArray());

            S3Exception notModified = assertThrows(S3Exception.class,
                    () -> s3.getObject(b -> b.bucket("sdk-bucket").key(k).ifNoneMatch(put.eTag())));
            assertEquals(304, notModified.statusCode());

            s3.deleteObject(b -> b.bucket("sdk-bucket").key(k));
            assertThrows(NoSuchKeyException.class, () -> s3.headObject(b -> b.bucket("sdk-bucket").key(k)));

            s3.putObject(b -> b.bucket("sdk-bucket").key(k + ".2"), RequestBody.fromString("two", StandardCharsets.UTF_8));
            DeleteObjectsResponse many = s3.deleteObjects(b -> b.bucket("sdk-bucket").delete(Delete.builder().objects(
                    ObjectIdentifier.builder().key(k + ".copy").build(),
                    ObjectIdentifier.builder().key(k + ".2").build(),
                    ObjectIdentifier.builder().key(" spaced ").build()).build()));
            assertEquals(3, many.deleted().size(), many.toString());
            assertTrue(many.deleted().stream().anyMatch(d -> d.key().equals(" spaced ")), many.toString());
            assertTrue(many.errors().isEmpty(), many.toString());
            assertThrows(NoSuchKeyException.class, () -> s3.getObject(b -> b.bucket("sdk-bucket").key(k + ".2")));
        }
    }

    @ParameterizedTest
    @EnumSource(value = RequestChecksumCalculation.class, names = {"WHEN_SUPPORTED", "WHEN_REQUIRED"})
    void explicitChecksumAlgorithmsRoundTrip(RequestChecksumCalculation calc) {
        // CRC64NVME is left out: the SDK computes it only with the aws-crt native library.
        byte[] data = new byte[150_001]; // several SDK chunks, odd length
        new Random(11).nextBytes(data);
        try (S3Client s3 = client(calc)) {
            for (ChecksumAlgorithm a : new ChecksumAlgorithm[] {ChecksumAlgorithm.CRC32, ChecksumAlgorithm.CRC32_C,
                    ChecksumAlgorithm.SHA256, ChecksumAlgorithm.SHA1}) {
                String k = "alg/" + calc + "/" + a;
                dev.cairn.blob.digest.ChecksumAlgorithm ours = dev.cairn.blob.digest.ChecksumAlgorithm.valueOf(a.name().replace("_", ""));
                String expected = ReferenceChecksums.base64(ours, data);
                PutObjectResponse put = s3.putObject(b -> b.bucket("sdk-bucket").key(k).checksumAlgorithm(a), RequestBody.fromBytes(data));
                assertEquals(expected, checksum(a, put.checksumCRC32(), put.checksumCRC32C(), put.checksumSHA1(), put.checksumSHA256()));
                assertEquals(ChecksumType.FULL_OBJECT, put.checksumType());
                // the SDK validates the returned checksum against the bytes it received, too
                GetObjectResponse r = s3.getObjectAsBytes(b -> b.bucket("sdk-bucket").key(k).checksumMode(ChecksumMode.ENABLED)).response();
                assertEquals(expected, checksum(a, r.checksumCRC32(), r.checksumCRC32C(), r.checksumSHA1(), r.checksumSHA256()), a + ": " + r);
                assertEquals(ChecksumType.FULL_OBJECT, r.checksumType());
                HeadObjectResponse h = s3.headObject(b -> b.bucket("sdk-bucket").key(k).checksumMode(ChecksumMode.ENABLED));
                assertEquals(expected, checksum(a, h.checksumCRC32(), h.checksumCRC32C(), h.checksumSHA1(), h.checksumSHA256()));
                assertEquals(Blake3HeaderTest.b3(data), r.sdkHttpResponse().firstMatchingHeader("x-cairn-b3").orElseThrow());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = RequestChecksumCalculation.class, names = {"WHEN_SUPPORTED", "WHEN_REQUIRED"})
    void errorsCarryTheRequestAndHostIds(RequestChecksumCalculation calc) {
        try (S3Client s3 = client(calc)) {
            S3Exception missing = assertThrows(S3Exception.class, () -> s3.getObject(b -> b.bucket("sdk-bucket").key("no/such/key")));
            assertTrue(missing.requestId() != null && !missing.requestId().isEmpty(), missing.toString());
            assertTrue(missing.extendedRequestId() != null && !missing.extendedRequestId().isEmpty(), missing.toString());
            S3Exception headMissing = assertThrows(S3Exception.class, () -> s3.headObject(b -> b.bucket("sdk-bucket").key("no/such/key")));
            assertTrue(headMissing.extendedRequestId() != null && !headMissing.extendedRequestId().isEmpty(), headMissing.toString());
        }
    }

    private static String checksum(ChecksumAlgorithm a, String crc32, String crc32c, String sha1, String sha256) {
        return switch (a) {
            case CRC32 -> crc32;
            case CRC32_C -> crc32c;
            case SHA1 -> sha1;
            case SHA256 -> sha256;
            default -> throw new IllegalArgumentException(a.toString());
        };
    }
}
