package dev.cairn.compat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The hot-chunk cache in a running gateway (on by default, local backend), seen by the AWS SDK and
 * by {@code /metrics}: repeated range reads are hits and return the right bytes, and an overwrite
 * is visible to the very next read (identity revalidated on every read at the default TTL of 0).
 */
class CacheLaneTest {
    private static final String BUCKET = "cached";
    private static final String HIT = "result=\"hit\"";
    private static final String MISS = "result=\"miss\"";

    @TempDir
    Path dir;
    private Gateway gateway;
    private S3Client s3;
    private MetricsScrape metrics;

    @BeforeEach
    void start() {
        gateway = Gateway.start("local", dir, Map.of());
        s3 = JavaSdkLane.pathStyleClient(gateway);
        metrics = new MetricsScrape(gateway);
        s3.createBucket(b -> b.bucket(BUCKET));
    }

    @AfterEach
    void stop() {
        s3.close();
        gateway.close();
    }

    @Test
    void repeatedRangeReadsAreServedFromTheCache() throws Exception {
        byte[] body = bytes(1 << 20, 1);
        s3.putObject(b -> b.bucket(BUCKET).key("hot"), RequestBody.fromBytes(body));
        double hitsBefore = metrics.sum("cache_gets_total", HIT);
        for (int i = 0; i < 10; i++) {
            int first = i * 70_000;
            byte[] got = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("hot").range("bytes=" + first + "-" + (first + 65_535))).asByteArray();
            assertArrayEquals(Arrays.copyOfRange(body, first, first + 65_536), got, "range at " + first);
        }
        assertTrue(metrics.sum("cache_gets_total", HIT) - hitsBefore >= 10, "every range read hit the cache");
        assertTrue(metrics.sum("cache_bytes") >= body.length, "the object's chunks are held");
        assertArrayEquals(body, s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("hot")).asByteArray());
    }

    @Test
    void anOverwriteIsSeenByTheNextRead() throws Exception {
        byte[] first = bytes(300_000, 2);
        byte[] second = bytes(200_000, 3);
        s3.putObject(b -> b.bucket(BUCKET).key("k"), RequestBody.fromBytes(first));
        assertArrayEquals(first, s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("k")).asByteArray());
        s3.putObject(b -> b.bucket(BUCKET).key("k"), RequestBody.fromBytes(second));
        assertArrayEquals(second, s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("k")).asByteArray());
        assertArrayEquals(Arrays.copyOfRange(second, 100, 70_000),
                s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("k").range("bytes=100-69999")).asByteArray());
        s3.deleteObject(b -> b.bucket(BUCKET).key("k"));
        assertEquals(404, assertThrowsS3(() -> s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("k"))));
        assertTrue(metrics.sum("cache_gets_total", MISS) + metrics.sum("cache_gets_total", HIT) > 0);
    }

    private static int assertThrowsS3(Runnable call) {
        try {
            call.run();
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            return e.statusCode();
        }
        throw new AssertionError("the call succeeded");
    }

    private static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }
}
