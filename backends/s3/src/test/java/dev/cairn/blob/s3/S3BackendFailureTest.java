package dev.cairn.blob.s3;

import static dev.cairn.blob.testkit.ContractSupport.assertBlobError;
import static dev.cairn.blob.testkit.ContractSupport.put;
import static dev.cairn.blob.testkit.ContractSupport.randomBytes;
import static dev.cairn.blob.testkit.ContractSupport.readAll;
import static dev.cairn.blob.testkit.ContractSupport.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.HealthReport;
import dev.cairn.blob.ListRequest;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ReadOptions;
import dev.cairn.blob.WriteOptions;
import dev.cairn.fixtures.LatencyProxy;
import dev.cairn.fixtures.LocalStackServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failure behaviour against real servers: a backend that stops, or that answers too slowly, makes
 * every call fail with UNAVAILABLE (the gateway's 503 + Retry-After) within the configured
 * timeouts, turns {@link BlobStore#health()} not-ready, and leaves the previous version intact.
 */
class S3BackendFailureTest {
    /** Short timeouts and one retry, so a failure is reported in about a second. */
    private static final Map<String, String> IMPATIENT = Map.of(
            S3BlobStoreProvider.CONNECT_TIMEOUT, "500ms",
            S3BlobStoreProvider.SOCKET_TIMEOUT, "700ms",
            S3BlobStoreProvider.MAX_ATTEMPTS, "2",
            S3BlobStoreProvider.HEALTH_CACHE, "0",
            S3BlobStoreProvider.CONDITIONAL_WRITES, "true");

    @Test
    void stoppedLocalStackMakesEveryCallUnavailableAndTheStoreNotReady(@TempDir Path dir) {
        try (LocalStackServer ls = LocalStackServer.startDedicated()) {
            S3Target target = new S3Target("outage", ls.endpoint(), LocalStackServer.ACCESS_KEY, LocalStackServer.SECRET_KEY,
                    LocalStackServer.REGION, "cairn-outage").ensureBucket();
            try (BlobStore store = new S3BlobStoreProvider().open(target.settings(dir, IMPATIENT))) {
                store.createBucket("b");
                BlobKey k = new BlobKey("b", "k");
                put(store, k, utf8("v1"));
                assertTrue(store.health().readable());

                ls.close();

                HealthReport h = store.health();
                assertFalse(h.readable(), h.detail());
                assertFalse(h.writable(), h.detail());
                assertTrue(h.detail().startsWith("s3 backend unreachable"), h.detail());
                long t0 = System.nanoTime();
                assertBlobError(BlobError.UNAVAILABLE, () -> store.stat(k));
                assertBlobError(BlobError.UNAVAILABLE, () -> store.read(k, ReadOptions.WHOLE).close());
                assertBlobError(BlobError.UNAVAILABLE, () -> put(store, k, utf8("v2")));
                assertBlobError(BlobError.UNAVAILABLE, () -> store.list(ListRequest.all("b")));
                assertBlobError(BlobError.UNAVAILABLE, () -> store.delete(k));
                assertBlobError(BlobError.UNAVAILABLE, () -> store.createBucket("c"));
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertTrue(ms < 30_000, "six calls against a dead backend took " + ms + " ms");
            }
        }
    }

    @Test
    void slowBackendTimesOutAsUnavailableAndKeepsThePreviousVersion(@TempDir Path dir) {
        S3Target real = LocalStackContractTest.target();
        try (LatencyProxy proxy = LatencyProxy.start(real.endpoint())) {
            S3Target slow = new S3Target("slow", proxy.endpoint(), real.accessKey(), real.secretKey(), real.region(), real.bucket());
            try (BlobStore store = new S3BlobStoreProvider().open(slow.settings(dir, IMPATIENT))) {
                store.createBucket("b");
                BlobKey k = new BlobKey("b", "k");
                byte[] v1 = randomBytes(300_000, 1);
                ObjectInfo before = put(store, k, v1, WriteOptions.DEFAULTS.withUserMetadata(Map.of("v", "1")));

                proxy.delay(Duration.ofMillis(1500));
                assertBlobError(BlobError.UNAVAILABLE, () -> put(store, k, randomBytes(300_000, 2),
                        WriteOptions.DEFAULTS.withUserMetadata(Map.of("v", "2"))));
                assertBlobError(BlobError.UNAVAILABLE, () -> store.stat(k));
                assertFalse(store.health().readable());

                proxy.delay(Duration.ZERO);
                assertTrue(store.health().readable());
                ObjectInfo after = store.stat(k);
                assertEquals(before.etag(), after.etag());
                assertEquals(Map.of("v", "1"), after.userMetadata());
                assertArrayEquals(v1, readAll(store, k));
            }
        }
    }
}
