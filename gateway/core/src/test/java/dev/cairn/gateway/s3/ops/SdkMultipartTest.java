package dev.cairn.gateway.s3.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.gateway.s3.JdkS3Server;
import dev.cairn.gateway.s3.S3TestClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * A 12 MiB multipart upload in 5 MiB parts with the real AWS SDK for Java v2 over the JDK HTTP
 * server, at its default checksums (aws-chunked parts with a trailing CRC32) and at
 * {@code WHEN_REQUIRED}; then listing, part reads, an UploadPartCopy and the refusals the SDK maps.
 */
class SdkMultipartTest {
    private static final int MIB = 1 << 20;
    private static final S3TestClient GATEWAY = new S3TestClient();
    private static JdkS3Server server;

    @BeforeAll
    static void start() {
        server = JdkS3Server.start(GATEWAY.api());
        GATEWAY.store().createBucket("sdk-mp");
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
    void twelveMebibytesInFiveMebibyteParts(RequestChecksumCalculation calc) {
        String key = "mp/" + calc + "/big file+.bin";
        byte[] data = new byte[12 * MIB];
        new Random(calc.ordinal()).nextBytes(data);
        try (S3Client s3 = client(calc)) {
            String id = s3.createMultipartUpload(b -> b.bucket("sdk-mp").key(key).contentType("application/x-big")).uploadId();
            List<CompletedPart> parts = new ArrayList<>();
            for (int n = 1, off = 0; off < data.length; n++, off += 5 * MIB) {
                byte[] chunk = Arrays.copyOfRange(data, off, Math.min(data.length, off + 5 * MIB));
                int number = n;
                UploadPartResponse r = s3.uploadPart(b -> b.bucket("sdk-mp").key(key).uploadId(id).partNumber(number),
                        RequestBody.fromBytes(chunk));
                assertEquals("\"" + ObjectTestSupport.md5Hex(chunk) + "\"", r.eTag());
                if (calc == RequestChecksumCalculation.WHEN_SUPPORTED) {
                    assertEquals(ObjectTestSupport.crc32Base64(chunk), r.checksumCRC32());
                }
                parts.add(CompletedPart.builder().partNumber(n).eTag(r.eTag()).checksumCRC32(r.checksumCRC32()).build());
            }
            assertEquals(3, parts.size());

            ListPartsResponse listed = s3.listParts(b -> b.bucket("sdk-mp").key(key).uploadId(id).maxParts(2));
            assertTrue(listed.isTruncated());
            assertEquals(2, listed.parts().size());
            assertEquals(5L * MIB, listed.parts().get(0).size());
            assertEquals(2, listed.nextPartNumberMarker());
            ListMultipartUploadsResponse uploads = s3.listMultipartUploads(b -> b.bucket("sdk-mp").prefix("mp/" + calc + "/"));
            assertEquals(List.of(key), uploads.uploads().stream().map(u -> u.key()).toList());

            CompleteMultipartUploadResponse done = s3.completeMultipartUpload(b -> b.bucket("sdk-mp").key(key).uploadId(id)
                    .multipartUpload(m -> m.parts(parts)));
            assertTrue(done.eTag().endsWith("-3\""), done.eTag());
            assertEquals(key, done.key());

            ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(b -> b.bucket("sdk-mp").key(key));
            assertArrayEquals(data, got.asByteArray());
            assertEquals(done.eTag(), got.response().eTag());
            assertEquals("application/x-big", got.response().contentType());

            ResponseBytes<GetObjectResponse> part3 = s3.getObjectAsBytes(b -> b.bucket("sdk-mp").key(key).partNumber(3));
            assertArrayEquals(Arrays.copyOfRange(data, 10 * MIB, 12 * MIB), part3.asByteArray());
            assertEquals(3, part3.response().partsCount());
            assertEquals(3, s3.headObject(b -> b.bucket("sdk-mp").key(key).partNumber(1)).partsCount());
            S3Exception beyond = assertThrows(S3Exception.class, () -> s3.headObject(b -> b.bucket("sdk-mp").key(key).partNumber(4)));
            assertEquals(416, beyond.statusCode());

            assertThrows(NoSuchUploadException.class, () -> s3.abortMultipartUpload(b -> b.bucket("sdk-mp").key(key).uploadId(id)));
        }
    }

    @ParameterizedTest
    @EnumSource(value = RequestChecksumCalculation.class, names = {"WHEN_SUPPORTED", "WHEN_REQUIRED"})
    void copyPartsAbortAndRefusals(RequestChecksumCalculation calc) {
        String src = "copy/" + calc + "/src";
        String dst = "copy/" + calc + "/dst";
        byte[] data = new byte[6 * MIB];
        new Random(7).nextBytes(data);
        try (S3Client s3 = client(calc)) {
            s3.putObject(b -> b.bucket("sdk-mp").key(src), RequestBody.fromBytes(data));
            String id = s3.createMultipartUpload(b -> b.bucket("sdk-mp").key(dst)).uploadId();
            String e1 = s3.uploadPartCopy(b -> b.sourceBucket("sdk-mp").sourceKey(src).destinationBucket("sdk-mp").destinationKey(dst)
                    .uploadId(id).partNumber(1).copySourceRange("bytes=0-" + (5 * MIB - 1))).copyPartResult().eTag();
            String e2 = s3.uploadPartCopy(b -> b.sourceBucket("sdk-mp").sourceKey(src).destinationBucket("sdk-mp").destinationKey(dst)
                    .uploadId(id).partNumber(2).copySourceRange("bytes=" + 5 * MIB + "-" + (6 * MIB - 1))).copyPartResult().eTag();
            S3Exception order = assertThrows(S3Exception.class, () -> s3.completeMultipartUpload(b -> b.bucket("sdk-mp").key(dst).uploadId(id)
                    .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(2).eTag(e2).build(),
                            CompletedPart.builder().partNumber(1).eTag(e1).build()))));
            assertEquals("InvalidPartOrder", order.awsErrorDetails().errorCode());
            s3.completeMultipartUpload(b -> b.bucket("sdk-mp").key(dst).uploadId(id).multipartUpload(m -> m.parts(
                    CompletedPart.builder().partNumber(1).eTag(e1).build(), CompletedPart.builder().partNumber(2).eTag(e2).build())));
            assertArrayEquals(data, s3.getObjectAsBytes(b -> b.bucket("sdk-mp").key(dst)).asByteArray());

            String small = s3.createMultipartUpload(b -> b.bucket("sdk-mp").key(dst + ".small")).uploadId();
            String s1 = s3.uploadPart(b -> b.bucket("sdk-mp").key(dst + ".small").uploadId(small).partNumber(1),
                    RequestBody.fromBytes(new byte[1024])).eTag();
            String s2 = s3.uploadPart(b -> b.bucket("sdk-mp").key(dst + ".small").uploadId(small).partNumber(2),
                    RequestBody.fromBytes(new byte[10])).eTag();
            S3Exception tooSmall = assertThrows(S3Exception.class, () -> s3.completeMultipartUpload(b -> b.bucket("sdk-mp")
                    .key(dst + ".small").uploadId(small).multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(s1).build(),
                            CompletedPart.builder().partNumber(2).eTag(s2).build()))));
            assertEquals("EntityTooSmall", tooSmall.awsErrorDetails().errorCode());
            s3.abortMultipartUpload(b -> b.bucket("sdk-mp").key(dst + ".small").uploadId(small));
            assertThrows(NoSuchUploadException.class, () -> s3.listParts(b -> b.bucket("sdk-mp").key(dst + ".small").uploadId(small)));
        }
    }
}
