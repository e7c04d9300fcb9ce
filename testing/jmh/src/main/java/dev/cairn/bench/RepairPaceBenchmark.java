package dev.cairn.bench;

import dev.cairn.blob.BackendSettings;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.local.LocalBlobStoreProvider;
import dev.cairn.blob.replicated.HedgeSettings;
import dev.cairn.blob.replicated.Replica;
import dev.cairn.blob.replicated.ReplicatedBlobStore;
import dev.cairn.blob.replicated.ReplicationSettings;
import dev.cairn.blob.replicated.WritePolicy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Repair throughput against its configured pace, over three local replicas: the objects exist on
 * two, the third is empty, and one repair worker restores it (found by the anti-entropy scan).
 * Prints, for each pace, the bytes moved, the time taken and the achieved rate. A plain main
 * rather than a JMH benchmark, because the quantity is a steady-state rate over seconds, not a
 * per-operation latency.
 *
 * <pre>
 *   java -cp testing/jmh/target/benchmarks.jar dev.cairn.bench.RepairPaceBenchmark [MiB per pace] [pace MiB/s ...]
 * </pre>
 * Defaults: 64 MiB per run at 16, 50 and 200 MiB/s, 1 MiB objects.
 */
public final class RepairPaceBenchmark {
    private static final int MIB = 1 << 20;

    private RepairPaceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int mib = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        List<Long> paces = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            paces.add(Long.parseLong(args[i]));
        }
        if (paces.isEmpty()) {
            paces = List.of(16L, 50L, 200L);
        }
        System.out.printf(Locale.ROOT, "%-12s %-10s %-10s %-14s %s%n", "pace MiB/s", "moved MiB", "seconds", "achieved MiB/s", "achieved/pace");
        for (long pace : paces) {
            run(mib, pace);
        }
    }

    private static void run(int mib, long paceMiB) throws Exception {
        Path root = Files.createTempDirectory("repair-pace");
        try {
            List<BlobStore> locals = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Path dir = Files.createDirectories(root.resolve("r" + i));
                locals.add(new LocalBlobStoreProvider().open(new BackendSettings(dir, Map.of(LocalBlobStoreProvider.DIR, dir.toString(),
                        LocalBlobStoreProvider.MIN_FREE, "0", LocalBlobStoreProvider.FSYNC, "false"))));
                locals.get(i).createBucket("bench");
            }
            byte[] body = new byte[MIB];
            Random random = new Random(1);
            for (int k = 0; k < mib; k++) {
                random.nextBytes(body);
                for (int i = 0; i < 2; i++) {
                    locals.get(i).write(new BlobKey("bench", "k" + k), ObjectSource.of(body), WriteOptions.DEFAULTS);
                }
            }
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            ReplicationSettings settings = new ReplicationSettings(3, WritePolicy.ALL, HedgeSettings.defaults(), paceMiB * MIB, 1,
                    Duration.ofMillis(50), 100_000);
            List<Replica> replicas = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                replicas.add(new Replica("r" + i, locals.get(i)));
            }
            long start = System.nanoTime();
            try (BlobStore set = ReplicatedBlobStore.open(replicas, settings, registry)) {
                double target = (double) mib * MIB;
                while (registry.get("repair.bytes").counter().count() < target || registry.get("rf.observed").gauge().value() < 3) {
                    Thread.sleep(2);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                double moved = registry.get("repair.bytes").counter().count() / MIB;
                System.out.printf(Locale.ROOT, "%-12d %-10.0f %-10.2f %-14.1f %.2f%n", paceMiB, moved, seconds, moved / seconds,
                        moved / seconds / paceMiB);
            }
        } finally {
            try (Stream<Path> all = Files.walk(root)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                // a temp directory left behind
            }
        }
    }
}
