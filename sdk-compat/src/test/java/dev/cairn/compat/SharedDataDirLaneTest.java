package dev.cairn.compat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Two gateways on one local data directory, as two nodes behind a load balancer: one multipart
 * upload whose calls alternate between them. Upload state lives in the store (ADR 0007), so any
 * node must accept any part and complete an upload another node created. Both run in this JVM
 * but share nothing except the directory (each has its own server, store and caches).
 */
class SharedDataDirLaneTest {
    private static final int MIB = 1 << 20;

    @Test
    void oneUploadAcrossTwoGateways(@TempDir Path dataDir) {
        try (Gateway gatewayA = Gateway.start("local", dataDir, Map.of());
                Gateway gatewayB = Gateway.start("local", dataDir, Map.of());
                S3Client a = JavaSdkLane.pathStyleClient(gatewayA);
                S3Client b = JavaSdkLane.pathStyleClient(gatewayB)) {
            String bucket = JavaSdkLane.bucketName();
            a.createBucket(r -> r.bucket(bucket));
            String uploadId = a.createMultipartUpload(r -> r.bucket(bucket).key("shared.bin")).uploadId();
            // parts 1 and 2 at S3's 5 MiB minimum, the last one smaller; each differs from the others
            byte[][] parts = {JavaSdkLane.bytes(5 * MIB), shifted(5 * MIB, 1), shifted(MIB + 123, 2)};
            List<S3Client> uploaders = List.of(a, b, a);
            List<CompletedPart> completed = new ArrayList<>();
            for (int i = 0; i < parts.length; i++) {
                int partNumber = i + 1;
                byte[] part = parts[i];
                String etag = uploaders.get(i).uploadPart(r -> r.bucket(bucket).key("shared.bin").uploadId(uploadId).partNumber(partNumber),
                        RequestBody.fromBytes(part)).eTag();
                completed.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
            }
            assertEquals(3, a.listParts(r -> r.bucket(bucket).key("shared.bin").uploadId(uploadId)).parts().size(), "A lists B's part");
            String etag = b.completeMultipartUpload(r -> r.bucket(bucket).key("shared.bin").uploadId(uploadId)
                    .multipartUpload(u -> u.parts(completed))).eTag();
            assertTrue(etag.replace("\"", "").endsWith("-3"), etag);

            byte[] whole = concat(parts);
            for (S3Client reader : List.of(a, b)) {
                var got = reader.getObjectAsBytes(r -> r.bucket(bucket).key("shared.bin"));
                assertEquals(etag, got.response().eTag());
                assertArrayEquals(whole, got.asByteArray());
            }
            assertTrue(a.listMultipartUploads(r -> r.bucket(bucket)).uploads().isEmpty(), "B's completion ended A's upload");
        }
    }

    private static byte[] shifted(int n, int by) {
        byte[] b = JavaSdkLane.bytes(n);
        for (int i = 0; i < n; i++) {
            b[i] += (byte) by;
        }
        return b;
    }

    private static byte[] concat(byte[][] parts) {
        byte[] all = new byte[Arrays.stream(parts).mapToInt(p -> p.length).sum()];
        int off = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, off, p.length);
            off += p.length;
        }
        return all;
    }
}
