package dev.cairn.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * The SDK's own multipart uploader (the Java-based {@code multipartEnabled(true)} async client,
 * no CRT) sending 200 MiB at both checksum settings, on the local backend: the size where part
 * splitting, parallel parts and the completion's manifest all matter, and that the memory
 * backend would need a big heap for.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JavaSdkMultipartLaneTest {
    private static final long SIZE = 200L << 20;
    private static final Pattern MULTIPART_ETAG = Pattern.compile("\"?[0-9a-f]{32}-(\\d+)\"?");

    Gateway gateway;
    Path upload;
    String uploadSha256;

    @BeforeAll
    void start(@TempDir Path dataDir, @TempDir Path files) throws IOException {
        gateway = Gateway.start("local", dataDir, Map.of());
        upload = BigFile.write(files.resolve("two-hundred-mib.bin"), SIZE);
        uploadSha256 = BigFile.sha256(upload);
    }

    @AfterAll
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    /** WHEN_SUPPORTED is the default (every part aws-chunked with a trailing CRC32); WHEN_REQUIRED sends plain signed parts. */
    @ParameterizedTest
    @EnumSource(RequestChecksumCalculation.class)
    void uploadsInPartsAndReadsBack(RequestChecksumCalculation checksums) throws IOException {
        try (S3AsyncClient s3 = S3AsyncClient.builder()
                .endpointOverride(gateway.endpoint())
                .region(Region.of(Gateway.REGION))
                .forcePathStyle(true)
                .credentialsProvider(JavaSdkLane.credentials())
                .requestChecksumCalculation(checksums)
                .responseChecksumValidation(checksums == RequestChecksumCalculation.WHEN_REQUIRED
                        ? ResponseChecksumValidation.WHEN_REQUIRED : ResponseChecksumValidation.WHEN_SUPPORTED)
                .multipartEnabled(true)
                .build()) {
            String bucket = JavaSdkLane.bucketName();
            s3.createBucket(b -> b.bucket(bucket)).join();
            String etag = s3.putObject(b -> b.bucket(bucket).key("big.bin"), AsyncRequestBody.fromFile(upload)).join().eTag();
            Matcher m = MULTIPART_ETAG.matcher(etag);
            // the SDK's default part size is 8 MiB: 25 parts (docs/s3-compatibility.md states this)
            assertTrue(m.matches() && Integer.parseInt(m.group(1)) == 25, "not a 25-part ETag: " + etag);
            assertEquals(SIZE, s3.headObject(b -> b.bucket(bucket).key("big.bin")).join().contentLength());
            assertTrue(s3.listMultipartUploads(b -> b.bucket(bucket)).join().uploads().isEmpty(), "no upload left behind");
            // streamed through the digest: the object is never held in memory
            try (InputStream in = s3.getObject(b -> b.bucket(bucket).key("big.bin"), AsyncResponseTransformer.toBlockingInputStream()).join()) {
                assertEquals(uploadSha256, BigFile.sha256(in));
            }
        }
    }
}
