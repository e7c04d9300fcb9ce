package dev.cairn.compat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoublePredicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A gateway over three local replicas ({@code CAIRN_REPLICAS}-style directories), driven by the AWS
 * SDK: a replica loses its objects or holds a flipped byte, clients keep getting the right bytes,
 * and the scan and repair worker bring the replica back, as {@code /metrics} shows. The chunk
 * cache is off here so every read reaches the replicas.
 */
class ReplicationLaneTest {
    private static final String BUCKET = "replicated";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int REPAIR_RATE = 128 << 10;

    @TempDir
    Path dir;
    private Gateway gateway;
    private S3Client s3;
    private MetricsScrape metrics;

    @BeforeEach
    void start() {
        Map<String, String> settings = new HashMap<>();
        settings.put("replication.replicas", dir.resolve("a") + "," + dir.resolve("b") + "," + dir.resolve("c"));
        settings.put("replication.scan-interval", "1s");
        // slow enough that a repair of a few hundred KiB takes seconds: rf_observed is seen low
        settings.put("replication.repair-rate", REPAIR_RATE + "");
        settings.put("cache.max-bytes", "0");
        gateway = Gateway.start("local", dir.resolve("data"), settings);
        s3 = JavaSdkLane.pathStyleClient(gateway);
        metrics = new MetricsScrape(gateway);
        s3.createBucket(b -> b.bucket(BUCKET));
    }

    @AfterEach
    void stop() {
        if (s3 != null) {
            s3.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void aReplicaThatLostItsObjectsIsRepairedWhileReadsGoOn() throws Exception {
        Map<String, byte[]> objects = new HashMap<>();
        for (int i = 0; i < 6; i++) {
            String key = "k" + i;
            byte[] body = bytes(100_000 + i * 7_777, i);
            objects.put(key, body);
            s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(body));
        }
        awaitMetric("rf_observed", v -> v == 3.0);
        assertEquals(3.0, metrics.sum("rf_target"));
        assertEquals(6, objectFiles(dir.resolve("c")).size());

        for (Path f : objectFiles(dir.resolve("c"))) {
            Files.delete(f); // the disk of replica c lost every object
        }
        long lost = System.nanoTime();
        for (Map.Entry<String, byte[]> e : objects.entrySet()) {
            assertArrayEquals(e.getValue(), s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(e.getKey())).asByteArray(), e.getKey());
        }
        awaitMetric("rf_observed", v -> v < 3.0);
        awaitMetric("rf_observed", v -> v == 3.0);
        double seconds = (System.nanoTime() - lost) / 1e9;
        assertEquals(6, objectFiles(dir.resolve("c")).size(), "the scan found every lost object and repair restored it");
        long restored = objects.values().stream().mapToLong(b -> b.length).sum();
        assertTrue(metrics.sum("repair_bytes_total") >= restored, "repair_bytes_total counts at least the bytes restored");
        // the pace holds: the bytes could not have moved faster than the configured rate allows
        // (less one second of burst); the upper bound is generous, as the machine is shared
        assertTrue(seconds >= (double) restored / REPAIR_RATE - 1.0, "restored " + restored + " bytes in " + seconds + " s");
        for (Map.Entry<String, byte[]> e : objects.entrySet()) {
            assertArrayEquals(e.getValue(), s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(e.getKey())).asByteArray());
        }
    }

    @Test
    void aFlippedByteOnTheFirstReplicaIsNeverServedAndIsRepaired() throws Exception {
        byte[] body = bytes(300_000, 42);
        s3.putObject(b -> b.bucket(BUCKET).key("victim"), RequestBody.fromBytes(body));
        Path file = objectFiles(dir.resolve("a")).get(0);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(1234); // inside the object bytes, which come first in the file
            int b = raf.read();
            raf.seek(1234);
            raf.write(b ^ 0x40);
        }
        double failsBefore = metrics.sum("integrity_fail_total", "reason=\"at_rest\"");
        assertArrayEquals(body, s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("victim")).asByteArray(),
                "the client gets the right bytes from another replica");
        assertTrue(metrics.sum("integrity_fail_total", "reason=\"at_rest\"") > failsBefore, "the corruption was counted");
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        // the object's bytes lead the file; its trailer (with a new modification time) may differ
        while (!java.util.Arrays.equals(body, 0, body.length, Files.readAllBytes(objectFiles(dir.resolve("a")).get(0)), 0, body.length)) {
            assertTrue(System.nanoTime() < deadline, "replica a was not repaired within " + PATIENCE);
            Thread.sleep(200);
        }
    }

    private static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** The object files of a local replica directory (not temp files, not markers). */
    private static List<Path> objectFiles(Path replica) throws IOException {
        Path bucket = replica.resolve("buckets").resolve(BUCKET);
        if (!Files.isDirectory(bucket)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(bucket)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith("@")).sorted().toList();
        }
    }

    private double awaitMetric(String name, DoublePredicate condition) throws Exception {
        return metrics.await(PATIENCE, condition, name);
    }
}
