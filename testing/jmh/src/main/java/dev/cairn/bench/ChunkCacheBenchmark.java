package dev.cairn.bench;

import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.ByteRange;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectReader;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.ReadOptions;
import dev.cairn.blob.WriteOptions;
import dev.cairn.cache.CacheSettings;
import dev.cairn.cache.ChunkCache;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The chunk cache (docs/adr/0014) against the local store it sits on: a 64 KiB range at a random
 * (unaligned, so usually two chunks) offset of a 4 MiB object, cold (the local store directly),
 * hot with the identity revalidated by a stat on every read (the default), and hot with the
 * identity remembered (a metadata TTL); and the cost of a 4 MiB put with and without the cache's
 * copy of the written bytes. For a 1 MiB object: a whole-object get that hits (identity
 * remembered, so the op is the chunk copy), and a put with and without the write-path tee that
 * fills the cache with its 16 chunks of 64 KiB; each 1 MiB put carries new bytes (a counter is
 * stamped in), so every tee builds and inserts chunks of a new identity rather than meeting its
 * own earlier copy. Local runs without fsync, so the numbers are the software's, not the disk's.
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class ChunkCacheBenchmark {
    private static final int OBJECT = 4 << 20;
    private static final int RANGE = 64 << 10;
    private static final BlobKey KEY = new BlobKey("bench", "object");
    private static final int SMALL = 1 << 20;
    private static final BlobKey SMALL_KEY = new BlobKey("bench", "small");

    private TempLocalStore temp;
    private BlobStore local;
    private BlobStore revalidating;
    private BlobStore remembering;
    private byte[] data;
    private final byte[] scratch = new byte[RANGE];
    private byte[] small;
    private long stamp;
    private final Random random = new Random(7);
    private int puts;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        temp = new TempLocalStore("chunk-cache-bench");
        local = temp.store();
        data = new byte[OBJECT];
        random.nextBytes(data);
        local.write(KEY, ObjectSource.of(data), WriteOptions.DEFAULTS);
        revalidating = ChunkCache.decorate(local, CacheSettings.defaults(), new SimpleMeterRegistry());
        CacheSettings ttl = new CacheSettings(CacheSettings.DEFAULT_MAX_BYTES, CacheSettings.DEFAULT_CHUNK_SIZE,
                CacheSettings.DEFAULT_FILL_LIMIT, Duration.ofMinutes(1), Set.of());
        remembering = ChunkCache.decorate(local, ttl, new SimpleMeterRegistry());
        rangeRead(revalidating); // loads the object into each cache
        rangeRead(remembering);
        small = new byte[SMALL];
        random.nextBytes(small);
        local.write(SMALL_KEY, ObjectSource.of(small), WriteOptions.DEFAULTS);
        if (drain(remembering, SMALL_KEY, ReadOptions.WHOLE) != SMALL) { // the miss loads it whole
            throw new IllegalStateException("small object read short");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        temp.close();
    }

    @Benchmark
    public long rangeCold() {
        return rangeRead(local);
    }

    @Benchmark
    public long rangeHotRevalidated() {
        return rangeRead(revalidating);
    }

    @Benchmark
    public long rangeHotRemembered() {
        return rangeRead(remembering);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public ObjectInfo putLocal() {
        return local.write(new BlobKey("bench", "put-" + (puts++ & 7)), ObjectSource.of(data), WriteOptions.DEFAULTS);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public ObjectInfo putThroughCache() {
        return revalidating.write(new BlobKey("bench", "put-" + (puts++ & 7)), ObjectSource.of(data), WriteOptions.DEFAULTS);
    }

    @Benchmark
    public long getHit1MiB() {
        return drain(remembering, SMALL_KEY, ReadOptions.WHOLE);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public ObjectInfo putLocal1MiB() {
        return local.write(new BlobKey("bench", "small-" + (stamp & 7)), ObjectSource.of(stamped()), WriteOptions.DEFAULTS);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public ObjectInfo putThroughCache1MiB() {
        return revalidating.write(new BlobKey("bench", "small-" + (stamp & 7)), ObjectSource.of(stamped()), WriteOptions.DEFAULTS);
    }

    /** The 1 MiB object with the next counter value in its first 8 bytes: new content every call. */
    private byte[] stamped() {
        long n = ++stamp;
        for (int i = 0; i < 8; i++) {
            small[i] = (byte) (n >>> (8 * i));
        }
        return small;
    }

    private long rangeRead(BlobStore store) {
        long first = random.nextInt(OBJECT - RANGE);
        return drain(store, KEY, ReadOptions.range(new ByteRange.Closed(first, first + RANGE - 1)));
    }

    private long drain(BlobStore store, BlobKey key, ReadOptions options) {
        try (ObjectReader reader = store.read(key, options);
                InputStream in = reader.stream()) {
            long total = 0;
            for (int n; (n = in.read(scratch)) >= 0; ) {
                total += n;
            }
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
