package dev.cairn.bench;

import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.blob.digest.DigestingInputStream;
import dev.cairn.blob.digest.StreamingDigest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.digests.Blake3Digest;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Digest throughput over 1 MiB, one op = one MiB, so ops/s reads as MiB/s. BLAKE3 runs side by
 * side with MD5, SHA-256 and CRC32C in the same fork so the ratios survive a noisy machine; the
 * write path's one-pass B3+MD5 stream is measured too.
 *
 * <p>BLAKE3 (ADR 0018): {@code blake3} is the default (Cairn's Java BLAKE3 with helper threads),
 * {@code blake3SingleThreaded} the same code with {@code -Dcairn.blake3.parallel=false},
 * {@code blake3BouncyCastle} the previous implementation; the {@code writePath*} variants feed the
 * same 64 KiB reads through {@link DigestingInputStream} with each. The system properties are read
 * once per JVM, hence the per-method forks (still one fork each with {@code -f 1}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DigestBenchmark {
    @Param({"1048576"})
    public int size;

    private byte[] data;
    private final byte[] scratch = new byte[64 * 1024];

    @Setup
    public void setUp() {
        data = new byte[size];
        new Random(1).nextBytes(data);
    }

    private byte[] digest(ChecksumAlgorithm algorithm) {
        StreamingDigest d = algorithm.newDigest();
        for (int off = 0; off < data.length; off += scratch.length) {
            d.update(data, off, Math.min(scratch.length, data.length - off));
        }
        return d.finish();
    }

    @Benchmark
    public byte[] blake3() {
        return digest(ChecksumAlgorithm.B3);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = "-Dcairn.blake3.parallel=false")
    public byte[] blake3SingleThreaded() {
        return digest(ChecksumAlgorithm.B3);
    }

    /** The reference: BouncyCastle's Blake3Digest, fed the same 64 KiB updates. */
    @Benchmark
    public byte[] blake3BouncyCastle() {
        Blake3Digest d = new Blake3Digest(256);
        for (int off = 0; off < data.length; off += scratch.length) {
            d.update(data, off, Math.min(scratch.length, data.length - off));
        }
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }

    @Benchmark
    public byte[] md5() {
        return digest(ChecksumAlgorithm.MD5);
    }

    @Benchmark
    public byte[] sha256() {
        return digest(ChecksumAlgorithm.SHA256);
    }

    @Benchmark
    public byte[] crc32c() {
        return digest(ChecksumAlgorithm.CRC32C);
    }

    /** What every write pays: BLAKE3 and MD5 in one pass over the body stream. */
    @Benchmark
    public Map<ChecksumAlgorithm, String> writePathDigests() throws IOException {
        DigestingInputStream in = new DigestingInputStream(new ByteArrayInputStream(data), data.length, Map.of(), Set.of());
        return in.drain(scratch);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = "-Dcairn.blake3.parallel=false")
    public Map<ChecksumAlgorithm, String> writePathDigestsSingleThreaded() throws IOException {
        return writePathDigests();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = "-Dcairn.blake3.impl=bouncycastle")
    public Map<ChecksumAlgorithm, String> writePathDigestsBouncyCastle() throws IOException {
        return writePathDigests();
    }
}
