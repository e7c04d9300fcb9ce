package dev.cairn.gateway.oap;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The OAP API's guarded inflation ({@link InflatingBodies}: input cap, output cap and the
 * {@code oap.max-inflate-ratio} guard at its default of 10) of a 1 MiB body of words that
 * compresses about 3.3:1, in µs/op, against the bare JDK/zstd-jni decoder over the same bytes
 * ({@code floor}). The gateway decodes gzip and zstd ({@link ContentCoding}); deflate and br are
 * answered 415, so they are not measured. {@code bomb} feeds 16 MiB of zeros compressed about
 * 1000:1 (gzip; zstd packs zeros far tighter) and measures how fast the guard refuses it; setup
 * prints how many bytes it had inflated when it stopped. The package is the gateway's because
 * the guard is package-private there.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DecompressionBenchmark {
    private static final int SIZE = 1 << 20;
    private static final int BOMB = 16 << 20;

    @Param({"GZIP", "ZSTD"})
    public String coding;

    private final byte[] scratch = new byte[8192];
    private OapSettings settings;
    private ContentCoding contentCoding;
    private byte[] compressed;
    private byte[] bomb;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        contentCoding = ContentCoding.valueOf(coding);
        settings = new OapSettings(OapSettings.DEFAULT_MAX_BODY, OapSettings.DEFAULT_MAX_INFLATE_RATIO, OapSettings.DEFAULT_MAX_BODY,
                true, true, null, null);
        compressed = compress(words(SIZE));
        bomb = compress(new byte[BOMB]);
        long decoded = guarded();
        long refusedAt = bomb();
        if (decoded != SIZE || refusedAt >= BOMB) {
            throw new IllegalStateException("decoded " + decoded + " bytes; bomb stopped at " + refusedAt);
        }
        System.out.printf("%n%s: body %d -> %d bytes (%.2f:1); bomb %d -> %d bytes (%.0f:1), refused after inflating %d bytes%n",
                coding, SIZE, compressed.length, (double) SIZE / compressed.length, BOMB, bomb.length,
                (double) BOMB / bomb.length, refusedAt);
    }

    /** Space-separated words drawn from a 1,000-word vocabulary: compresses about 3.3:1 with gzip -6. */
    private static byte[] words(int size) {
        Random random = new Random(5);
        byte[][] vocabulary = new byte[1000][];
        for (int i = 0; i < vocabulary.length; i++) {
            vocabulary[i] = new byte[3 + random.nextInt(8)];
            for (int j = 0; j < vocabulary[i].length; j++) {
                vocabulary[i][j] = (byte) ('a' + random.nextInt(26));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + 16);
        while (out.size() < size) {
            out.writeBytes(vocabulary[random.nextInt(vocabulary.length)]);
            out.write(' ');
        }
        byte[] text = new byte[size];
        System.arraycopy(out.toByteArray(), 0, text, 0, size);
        return text;
    }

    private byte[] compress(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = contentCoding == ContentCoding.GZIP ? new GZIPOutputStream(bytes) : new ZstdOutputStream(bytes, 3)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    @Benchmark
    public long guarded() throws IOException {
        return drain(InflatingBodies.decode(new ByteArrayInputStream(compressed), contentCoding, settings));
    }

    @Benchmark
    public long floor() throws IOException {
        InputStream in = new ByteArrayInputStream(compressed);
        return drain(contentCoding == ContentCoding.GZIP ? new GZIPInputStream(in, 8192) : new ZstdInputStream(in));
    }

    /** @return how many bytes were inflated before the guard refused the body */
    @Benchmark
    public long bomb() throws IOException {
        long[] total = new long[1];
        try {
            drain(InflatingBodies.decode(new ByteArrayInputStream(bomb), contentCoding, settings), total);
        } catch (BodyTooLargeException refused) {
            return total[0];
        }
        throw new IllegalStateException("the bomb was not refused");
    }

    private long drain(InputStream in) throws IOException {
        long[] total = new long[1];
        drain(in, total);
        return total[0];
    }

    private void drain(InputStream in, long[] total) throws IOException {
        try (in) {
            for (int n; (n = in.read(scratch)) >= 0; ) {
                total[0] += n;
            }
        }
    }
}
