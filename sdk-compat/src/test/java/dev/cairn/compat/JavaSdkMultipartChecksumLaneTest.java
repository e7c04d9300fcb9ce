package dev.cairn.compat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.blob.digest.StreamingDigest;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Multipart flexible checksums with the AWS SDK for Java v2 at its defaults against a real
 * gateway (memory backend): CRC32 COMPOSITE, CRC32 FULL_OBJECT (the SDK's {@code checksumType}),
 * and an upload naming no algorithm, which completes with a CRC64NVME FULL_OBJECT checksum as
 * on S3. Expected values are computed here over the bytes with {@link CRC32} and, since the
 * aws-crt native library the SDK needs for CRC64NVME is not on this classpath, the SPI's
 * streaming CRC-64/NVME (checked against the catalogue value in the SPI's tests), never with the
 * gateway's combination code.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JavaSdkMultipartChecksumLaneTest {
    private static final int PART = 5 << 20; // the gateway's default minimum part size

    Gateway gateway;
    S3Client s3;
    String bucket;
    final List<byte[]> parts = List.of(bytes(PART, 1), bytes(PART + 4099, 2), bytes(77_777, 3));

    @BeforeAll
    void start(@TempDir Path dataDir) {
        gateway = Gateway.start("memory", dataDir, Map.of());
        s3 = JavaSdkLane.pathStyleClient(gateway);
        bucket = JavaSdkLane.bucketName();
        s3.createBucket(b -> b.bucket(bucket));
    }

    @AfterAll
    void stop() {
        if (s3 != null) {
            s3.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    private static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static String crc32(byte[] data) {
        CRC32 c = new CRC32();
        c.update(data);
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) c.getValue()).array());
    }

    private static String crc64nvme(byte[] data) {
        StreamingDigest d = ChecksumAlgorithm.CRC64NVME.newDigest();
        d.update(data, 0, data.length);
        return Base64.getEncoder().encodeToString(d.finish());
    }

    private byte[] all() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }

    /** Uploads the parts with the SDK computing CRC32 for each, and returns them as the completion names them. */
    private List<CompletedPart> uploadParts(String key, String uploadId, boolean crc32) {
        List<CompletedPart> done = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            int n = i + 1;
            UploadPartResponse r = s3.uploadPart(b -> {
                b.bucket(bucket).key(key).uploadId(uploadId).partNumber(n);
                if (crc32) {
                    b.checksumAlgorithm(software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.CRC32);
                }
            }, RequestBody.fromBytes(parts.get(i)));
            if (crc32) {
                assertEquals(crc32(parts.get(i)), r.checksumCRC32(), "part " + n);
            }
            done.add(CompletedPart.builder().partNumber(n).eTag(r.eTag()).checksumCRC32(r.checksumCRC32()).build());
        }
        return done;
    }

    @Test
    void crc32CompositeIsTheCrcOfThePartCrcs() {
        String key = "composite.bin";
        CreateMultipartUploadResponse created = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)
                .checksumAlgorithm(software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.CRC32));
        assertEquals(software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.CRC32, created.checksumAlgorithm());
        assertEquals(ChecksumType.COMPOSITE, created.checksumType());
        List<CompletedPart> done = uploadParts(key, created.uploadId(), true);
        ListPartsResponse listed = s3.listParts(b -> b.bucket(bucket).key(key).uploadId(created.uploadId()));
        assertEquals(ChecksumType.COMPOSITE, listed.checksumType());
        assertEquals(crc32(parts.get(1)), listed.parts().get(1).checksumCRC32());
        CompleteMultipartUploadResponse complete = s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(created.uploadId())
                .multipartUpload(m -> m.parts(done)));
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        parts.forEach(p -> raw.writeBytes(Base64.getDecoder().decode(crc32(p))));
        String expected = crc32(raw.toByteArray()) + "-3";
        assertEquals(expected, complete.checksumCRC32());
        assertEquals(ChecksumType.COMPOSITE, complete.checksumType());
        HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(key).checksumMode(ChecksumMode.ENABLED));
        assertEquals(expected, head.checksumCRC32());
        assertEquals(ChecksumType.COMPOSITE, head.checksumType());
        assertArrayEquals(all(), s3.getObjectAsBytes(b -> b.bucket(bucket).key(key).checksumMode(ChecksumMode.ENABLED)).asByteArray());
        // a part read with checksum mode answers that part's own CRC32, as S3 does for COMPOSITE objects
        HeadObjectResponse part2 = s3.headObject(b -> b.bucket(bucket).key(key).partNumber(2).checksumMode(ChecksumMode.ENABLED));
        assertEquals(crc32(parts.get(1)), part2.checksumCRC32());
        assertEquals(3, part2.partsCount());
    }

    @Test
    void crc32FullObjectIsTheCrcOfAllBytesAndTheSdkValidatesItOnGet() {
        String key = "full.bin";
        CreateMultipartUploadResponse created = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)
                .checksumAlgorithm(software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.CRC32).checksumType(ChecksumType.FULL_OBJECT));
        assertEquals(ChecksumType.FULL_OBJECT, created.checksumType());
        List<CompletedPart> done = uploadParts(key, created.uploadId(), true);
        String whole = crc32(all());
        CompleteMultipartUploadResponse complete = s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(created.uploadId())
                .checksumType(ChecksumType.FULL_OBJECT).checksumCRC32(whole).multipartUpload(m -> m.parts(done)));
        assertEquals(whole, complete.checksumCRC32());
        assertEquals(ChecksumType.FULL_OBJECT, complete.checksumType());
        HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(key).checksumMode(ChecksumMode.ENABLED));
        assertEquals(whole, head.checksumCRC32());
        assertEquals(ChecksumType.FULL_OBJECT, head.checksumType());
        // with checksum mode the SDK checks the body against the FULL_OBJECT CRC32 as it reads it
        assertArrayEquals(all(), s3.getObjectAsBytes(b -> b.bucket(bucket).key(key).checksumMode(ChecksumMode.ENABLED)).asByteArray());
    }

    @Test
    void aWrongWholeObjectCrcOnCompleteIsABadDigestAndTheUploadCanBeRetried() {
        String key = "retry.bin";
        CreateMultipartUploadResponse created = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)
                .checksumAlgorithm(software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.CRC32).checksumType(ChecksumType.FULL_OBJECT));
        List<CompletedPart> done = uploadParts(key, created.uploadId(), true);
        S3Exception bad = assertThrows(S3Exception.class, () -> s3.completeMultipartUpload(b -> b.bucket(bucket).key(key)
                .uploadId(created.uploadId()).checksumCRC32(crc32(parts.get(0))).multipartUpload(m -> m.parts(done))));
        assertEquals("BadDigest", bad.awsErrorDetails().errorCode());
        CompleteMultipartUploadResponse complete = s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(created.uploadId())
                .multipartUpload(m -> m.parts(done)));
        assertEquals(crc32(all()), complete.checksumCRC32());
    }

    @Test
    void withoutAnAlgorithmTheObjectHasACrc64nvmeFullObjectChecksum() {
        String key = "default.bin";
        CreateMultipartUploadResponse created = s3.createMultipartUpload(b -> b.bucket(bucket).key(key));
        assertNull(created.checksumAlgorithm());
        // the SDK still sends CRC32 with each part at its defaults; the gateway keeps CRC64NVME for the object
        List<CompletedPart> done = uploadParts(key, created.uploadId(), false);
        s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(created.uploadId()).multipartUpload(m -> m.parts(done)));
        HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(key).checksumMode(ChecksumMode.ENABLED));
        assertEquals(ChecksumType.FULL_OBJECT, head.checksumType());
        byte[] downloaded = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
        assertArrayEquals(all(), downloaded);
        assertEquals(crc64nvme(downloaded), head.checksumCRC64NVME());
        assertNull(head.checksumCRC32(), "the parts' CRC32s are not the object's");
    }

    @Test
    void aSinglePutWithoutAChecksumAlsoGetsCrc64nvme() {
        byte[] data = bytes(100_000, 9);
        try (S3Client plain = S3Client.builder().endpointOverride(gateway.endpoint()).region(Region.of(Gateway.REGION))
                .forcePathStyle(true).credentialsProvider(JavaSdkLane.credentials()).httpClientBuilder(UrlConnectionHttpClient.builder())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED).build()) {
            plain.putObject(b -> b.bucket(bucket).key("single.bin"), RequestBody.fromBytes(data));
            HeadObjectResponse head = plain.headObject(b -> b.bucket(bucket).key("single.bin").checksumMode(ChecksumMode.ENABLED));
            assertEquals(crc64nvme(data), head.checksumCRC64NVME());
            assertEquals(ChecksumType.FULL_OBJECT, head.checksumType());
        }
    }
}
