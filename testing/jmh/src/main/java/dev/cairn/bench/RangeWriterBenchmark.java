package dev.cairn.bench;

import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.ByteRange;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.ReadOptions;
import dev.cairn.blob.WriteOptions;
import dev.cairn.cache.CacheSettings;
import dev.cairn.cache.ChunkCache;
import dev.cairn.gateway.http.ObjectReaderBody;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Writing one 64 KiB range response body, in ns/op (MiB/s = 62,500,000 / ns): the gateway's
 * {@link ObjectReaderBody} over a store read, into a sink that copies every byte into a 32 KiB
 * buffer the way Jetty's response buffer does (a sink that ignored the bytes would let the cache's
 * zero-copy {@code transferTo} look free). Sources: {@code CACHE}, the chunk cache holding the
 * object (identity remembered for a minute, so the op is the chunk copy, not a revalidating stat;
 * ChunkCacheBenchmark measures that), and {@code LOCAL}, the local store's file read (page cache,
 * no fsync). Ranges of a 4 MiB object: {@code ALIGNED} {@code bytes=0-65535} (one chunk) and
 * {@code UNALIGNED} {@code bytes=1081344-1146879} (mid-file, half of each of two chunks).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RangeWriterBenchmark {
    private static final int OBJECT = 4 << 20;
    private static final int RANGE = 64 << 10;
    private static final BlobKey KEY = new BlobKey("bench", "object");

    @Param({"CACHE", "LOCAL"})
    public String source;

    @Param({"ALIGNED", "UNALIGNED"})
    public String alignment;

    private TempLocalStore temp;
    private BlobStore local;
    private BlobStore store;
    private ReadOptions range;
    private final CopyingSink sink = new CopyingSink();

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        temp = new TempLocalStore("range-writer-bench");
        local = temp.store();
        CacheSettings remembering = new CacheSettings(CacheSettings.DEFAULT_MAX_BYTES, CacheSettings.DEFAULT_CHUNK_SIZE,
                CacheSettings.DEFAULT_FILL_LIMIT, Duration.ofMinutes(1), Set.of());
        BlobStore cache = ChunkCache.decorate(local, remembering, new SimpleMeterRegistry());
        store = source.equals("CACHE") ? cache : local;
        byte[] data = new byte[OBJECT];
        new Random(17).nextBytes(data);
        cache.write(KEY, ObjectSource.of(data), WriteOptions.DEFAULTS); // the write tees the object into the cache
        long first = alignment.equals("ALIGNED") ? 0 : (1 << 20) + RANGE / 2;
        range = ReadOptions.range(new ByteRange.Closed(first, first + RANGE - 1));
        if (writeRange() != RANGE) {
            throw new IllegalStateException("range body was not " + RANGE + " bytes");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        temp.close();
    }

    @Benchmark
    public long writeRange() throws IOException {
        long before = sink.total;
        try (ObjectReaderBody body = new ObjectReaderBody(store.read(KEY, range))) {
            body.writeTo(sink);
        }
        return sink.total - before; // the copied bytes stay in the sink's heap buffer, so the copy cannot be elided
    }

    /** Copies what it is given into a 32 KiB buffer, as a server's response buffer would, and counts it. */
    private static final class CopyingSink extends OutputStream {
        final byte[] buffer = new byte[32 << 10];
        long total;

        @Override
        public void write(int b) {
            buffer[(int) (total++ % buffer.length)] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            while (len > 0) {
                int at = (int) (total % buffer.length);
                int n = Math.min(len, buffer.length - at);
                System.arraycopy(b, off, buffer, at, n);
                off += n;
                len -= n;
                total += n;
            }
        }
    }
}
