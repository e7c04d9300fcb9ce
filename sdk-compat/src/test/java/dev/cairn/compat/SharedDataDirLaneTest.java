package dev.cairn.compat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.Part;

/**
 * Gateways on one local data directory, as nodes behind a load balancer: one multipart upload
 * whose calls alternate between them. Upload state lives in the store (ADR 0007), so any node must
 * accept any part and complete an upload another node created.
 *
 * <p>The main cases run two gateway <em>processes</em> ({@link GatewayProcess}): nothing is shared
 * but the directory, the cross-process file locks are the real ones, and one process can be killed
 * with SIGKILL mid-upload. The in-JVM case stays because it covers what processes cannot: two
 * stores in one JVM, where file locks are per process and the local backend must not trip over its
 * own locks ({@code OverlappingFileLockException}).
 */
class SharedDataDirLaneTest {
    private static final int MIB = 1 << 20;
    private static final String KEY = "shared.bin";

    @Test
    void oneUploadAcrossTwoGatewayProcesses(@TempDir Path dataDir) throws Exception {
        try (GatewayProcess gatewayA = GatewayProcess.start("local", dataDir, Map.of());
                GatewayProcess gatewayB = GatewayProcess.start("local", dataDir, Map.of());
                S3Client a = JavaSdkLane.pathStyleClient(gatewayA.endpoint());
                S3Client b = JavaSdkLane.pathStyleClient(gatewayB.endpoint())) {
            assertTrue(gatewayA.pid() != gatewayB.pid() && gatewayA.pid() != ProcessHandle.current().pid());
            alternate(a, b);
        }
    }

    @Test
    void oneUploadAcrossTwoGatewaysInOneJvm(@TempDir Path dataDir) {
        try (Gateway gatewayA = Gateway.start("local", dataDir, Map.of());
                Gateway gatewayB = Gateway.start("local", dataDir, Map.of());
                S3Client a = JavaSdkLane.pathStyleClient(gatewayA);
                S3Client b = JavaSdkLane.pathStyleClient(gatewayB)) {
            alternate(a, b);
        }
    }

    /** Creates on A, sends parts A/B/A, completes on B (retried on A), reads identical bytes from both. */
    private static void alternate(S3Client a, S3Client b) {
        String bucket = JavaSdkLane.bucketName();
        a.createBucket(r -> r.bucket(bucket));
        String uploadId = a.createMultipartUpload(r -> r.bucket(bucket).key(KEY)).uploadId();
        byte[][] parts = parts();
        List<S3Client> uploaders = List.of(a, b, a);
        List<CompletedPart> completed = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            completed.add(uploadPart(uploaders.get(i), bucket, uploadId, i + 1, parts[i]));
        }
        assertEquals(3, a.listParts(r -> r.bucket(bucket).key(KEY).uploadId(uploadId)).parts().size(), "A lists B's part");
        String etag = b.completeMultipartUpload(r -> r.bucket(bucket).key(KEY).uploadId(uploadId)
                .multipartUpload(u -> u.parts(completed))).eTag();
        assertTrue(etag.replace("\"", "").endsWith("-3"), etag);
        // a client that lost B's answer retries on A: S3 answers a completed upload's retry with its object
        String retried = a.completeMultipartUpload(r -> r.bucket(bucket).key(KEY).uploadId(uploadId)
                .multipartUpload(u -> u.parts(completed))).eTag();
        assertEquals(etag, retried);
        assertSameObject(concat(parts), etag, bucket, a, b);
        assertTrue(a.listMultipartUploads(r -> r.bucket(bucket)).uploads().isEmpty(), "B's completion ended A's upload");
    }

    @Test
    void aGatewayKilledMidUploadLosesNothing(@TempDir Path dataDir) throws Exception {
        byte[][] parts = parts();
        String bucket = JavaSdkLane.bucketName();
        String uploadId;
        List<CompletedPart> completed = new ArrayList<>();
        try (GatewayProcess gatewayB = GatewayProcess.start("local", dataDir, Map.of());
                S3Client b = JavaSdkLane.pathStyleClient(gatewayB.endpoint())) {
            GatewayProcess gatewayA = GatewayProcess.start("local", dataDir, Map.of());
            try (gatewayA; S3Client a = noRetries(gatewayA)) {
                a.createBucket(r -> r.bucket(bucket));
                uploadId = a.createMultipartUpload(r -> r.bucket(bucket).key(KEY)).uploadId();
                completed.add(uploadPart(a, bucket, uploadId, 1, parts[0]));
                completed.add(uploadPart(b, bucket, uploadId, 2, parts[1]));

                // part 3 goes to A, which dies with SIGKILL while the body is still streaming in
                CountDownLatch halfSent = new CountDownLatch(1);
                CountDownLatch killed = new CountDownLatch(1);
                String id = uploadId;
                CompletableFuture<?> inFlight = CompletableFuture.runAsync(() -> a.uploadPart(
                        r -> r.bucket(bucket).key(KEY).uploadId(id).partNumber(3),
                        RequestBody.fromContentProvider(() -> new StallingStream(parts[2], parts[2].length / 2, halfSent, killed),
                                parts[2].length, "application/octet-stream")));
                assertTrue(halfSent.await(30, TimeUnit.SECONDS), "the SDK never sent half of part 3");
                Thread.sleep(200); // let the bytes written so far reach A
                gatewayA.kill9();
                killed.countDown();
                ExecutionException failed = assertThrows(ExecutionException.class, () -> inFlight.get(60, TimeUnit.SECONDS));
                assertTrue(failed.getCause() != null, "part 3 to a killed gateway cannot succeed");
            }

            // B carries on: the killed request left no part 3, the others are intact
            List<Part> listed = b.listParts(r -> r.bucket(bucket).key(KEY).uploadId(uploadId)).parts();
            assertEquals(List.of(1, 2), listed.stream().map(Part::partNumber).toList());
            completed.add(uploadPart(b, bucket, uploadId, 3, parts[2]));
            String etag = b.completeMultipartUpload(r -> r.bucket(bucket).key(KEY).uploadId(uploadId)
                    .multipartUpload(u -> u.parts(completed))).eTag();

            // a restarted A serves the object B completed, byte for byte
            try (GatewayProcess restarted = GatewayProcess.start("local", dataDir, Map.of());
                    S3Client a2 = JavaSdkLane.pathStyleClient(restarted.endpoint())) {
                assertSameObject(concat(parts), etag, bucket, a2, b);
                assertTrue(a2.listMultipartUploads(r -> r.bucket(bucket)).uploads().isEmpty());
            }
        }
    }

    private static S3Client noRetries(GatewayProcess gateway) {
        return S3Client.builder().endpointOverride(gateway.endpoint()).region(Region.of(Gateway.REGION)).forcePathStyle(true)
                .credentialsProvider(JavaSdkLane.credentials()).httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1))).build();
    }

    private static CompletedPart uploadPart(S3Client client, String bucket, String uploadId, int partNumber, byte[] part) {
        String etag = client.uploadPart(r -> r.bucket(bucket).key(KEY).uploadId(uploadId).partNumber(partNumber), RequestBody.fromBytes(part))
                .eTag();
        return CompletedPart.builder().partNumber(partNumber).eTag(etag).build();
    }

    private static void assertSameObject(byte[] whole, String etag, String bucket, S3Client... readers) {
        for (S3Client reader : readers) {
            var got = reader.getObjectAsBytes(r -> r.bucket(bucket).key(KEY));
            assertEquals(etag, got.response().eTag());
            assertArrayEquals(whole, got.asByteArray());
        }
    }

    /** Parts 1 and 2 at S3's 5 MiB minimum, the last one smaller; each differs from the others. */
    private static byte[][] parts() {
        return new byte[][] {JavaSdkLane.bytes(5 * MIB), shifted(5 * MIB, 1), shifted(MIB + 123, 2)};
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

    /** Yields {@code data}, but stops after {@code stallAt} bytes until the gateway was killed. */
    private static final class StallingStream extends InputStream {
        private final byte[] data;
        private final int stallAt;
        private final CountDownLatch reached;
        private final CountDownLatch resume;
        private int pos;

        StallingStream(byte[] data, int stallAt, CountDownLatch reached, CountDownLatch resume) {
            this.data = data;
            this.stallAt = stallAt;
            this.reached = reached;
            this.resume = resume;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (pos == stallAt) {
                reached.countDown();
                try {
                    resume.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
            if (pos >= data.length) {
                return -1;
            }
            int limit = pos < stallAt ? stallAt : data.length;
            int n = Math.min(len, limit - pos);
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
