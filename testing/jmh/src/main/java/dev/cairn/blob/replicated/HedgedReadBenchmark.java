package dev.cairn.blob.replicated;

import dev.cairn.blob.BackendSettings;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.ObjectReader;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.ReadOptions;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.memory.MemoryBlobStoreProvider;
import dev.cairn.blob.testkit.faults.Faults;
import dev.cairn.blob.testkit.faults.FaultyBlobStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Whole-object reads (16 KiB, verified) through {@link HedgedReads} over three memory replicas,
 * replica 0 answering {@code slowMs} late. SampleTime mode reports p50/p95/p99. {@code delayMs}
 * 30 hedges after 30 ms; 10000 is hedging off. {@code budget} 1 lets every read hedge once, 0.1 is
 * the default. {@code order} {@code adaptive} is the latency-aware replica order ({@link HedgeOrder}),
 * {@code configured} asks replica 0 first on every read (the order before it). {@code direct}
 * reads replica 0 without HedgedReads, the cost baseline of the fast path ({@code slowMs=0}); the
 * stat pair measures the hand-off alone (a stat is not verified).
 *
 * <p>In this package (not {@code dev.cairn.bench}) because HedgedReads is package-private; the
 * class path joins the two jars' halves of the package. Run:
 * {@code java -jar testing/jmh/target/benchmarks.jar HedgedReadBenchmark}; the default-budget
 * comparison alone: {@code ... HedgedReadBenchmark.hedged -p slowMs=200 -p delayMs=30 -p budget=0.1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 4)
@Threads(4)
@Fork(1)
public class HedgedReadBenchmark {
    @Param({"200", "0"})
    public int slowMs;

    @Param({"30", "10000"})
    public int delayMs;

    @Param({"1.0", "0.1"})
    public double budget;

    @Param({"adaptive", "configured"})
    public String order;

    private final BlobKey key = new BlobKey("b", "k");
    private final List<BlobStore> stores = new ArrayList<>();
    private HedgedReads reads;

    @Setup
    public void setUp() {
        byte[] data = new byte[16 * 1024];
        new Random(1).nextBytes(data);
        List<Replica> replicas = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            BlobStore memory = new MemoryBlobStoreProvider().open(new BackendSettings(Path.of("unused"), Map.of()));
            memory.createBucket("b");
            memory.write(key, ObjectSource.of(data), WriteOptions.DEFAULTS);
            Faults faults = new Faults(i + 1);
            if (i == 0) {
                faults.latency(Duration.ofMillis(slowMs), Duration.ZERO).only(Faults.Operation.READ);
            }
            BlobStore store = FaultyBlobStore.wrap(memory, faults);
            stores.add(store);
            replicas.add(new Replica("r" + i, store));
        }
        reads = new HedgedReads(replicas, new HedgeSettings(Duration.ofMillis(delayMs), budget, HedgeSettings.DEFAULT_VERIFY_BUFFER),
                1, (k, replica, reason) -> { }, null, order.equals("adaptive"));
    }

    @TearDown
    public void tearDown() {
        reads.close();
        stores.forEach(BlobStore::close);
    }

    @Benchmark
    public byte[] hedged() throws IOException {
        try (ObjectReader r = reads.read(key, ReadOptions.WHOLE)) {
            return r.stream().readAllBytes();
        }
    }

    /** A stat: no verification, so against {@link #directStat} it isolates the cost of the hand-off. */
    @Benchmark
    public long hedgedStat() {
        return reads.stat(key).size();
    }

    @Benchmark
    public long directStat() {
        return stores.get(0).stat(key).size();
    }

    @Benchmark
    public byte[] direct() throws IOException {
        try (ObjectReader r = stores.get(0).read(key, ReadOptions.WHOLE)) {
            return r.stream().readAllBytes();
        }
    }
}
