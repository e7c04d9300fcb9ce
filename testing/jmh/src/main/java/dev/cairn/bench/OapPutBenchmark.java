package dev.cairn.bench;

import dev.cairn.blob.BackendSettings;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.memory.MemoryBlobStoreProvider;
import dev.cairn.gateway.http.Headers;
import dev.cairn.gateway.http.HttpCall;
import dev.cairn.gateway.http.HttpResult;
import dev.cairn.gateway.oap.OapApi;
import dev.cairn.gateway.oap.OapSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The in-process OAP write path: {@code PUT /put} of a 1 MiB body through {@link OapApi} into the
 * memory store, with no network. Each op writes fresh bytes (the first 8 bytes carry a counter)
 * so the dedup shortcut never hides the work; {@code putExisting} measures that shortcut, and
 * {@code putGzip} adds guarded decompression.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class OapPutBenchmark {
    private static final String TOKEN = "bench-token";

    @Param({"1048576"})
    public int size;

    private BlobStore store;
    private OapApi api;
    private byte[] body;
    private byte[] gzipBody;
    private long counter;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        store = new MemoryBlobStoreProvider().open(new BackendSettings(Path.of("."), Map.of("memory.max-bytes", "2GiB")));
        OapSettings settings = new OapSettings(size, 10, size, false, true, TOKEN, null);
        api = new OapApi(store, settings, new SimpleMeterRegistry());
        body = new byte[size];
        new Random(3).nextBytes(body);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            // Random lower-case letters compress about 1.6:1, well under the 10:1 ratio cap.
            Random letters = new Random(5);
            byte[] text = new byte[size];
            for (int i = 0; i < text.length; i++) {
                text[i] = (byte) ('a' + letters.nextInt(26));
            }
            out.write(text);
        }
        gzipBody = gz.toByteArray();
        // A benchmark that measured a rejection would be meaningless: check both paths succeed.
        expectSuccess(put(body, null));
        expectSuccess(put(gzipBody, "gzip"));
    }

    /** Memory is reclaimed between iterations so the cap never interferes. */
    @Setup(Level.Iteration)
    public void freshStore() throws IOException {
        store.close();
        setUp();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        store.close();
    }

    private HttpResult put(byte[] bytes, String encoding) {
        Headers headers = encoding == null
                ? Headers.of("Authorization", "Bearer " + TOKEN, "Content-Length", Integer.toString(bytes.length))
                : Headers.of("Authorization", "Bearer " + TOKEN, "Content-Length", Integer.toString(bytes.length), "Content-Encoding", encoding);
        return api.handle(new HttpCall("PUT", "/put", headers, () -> new ByteArrayInputStream(bytes), bytes.length, "bench"));
    }

    private static void expectSuccess(HttpResult r) {
        if (r.status() != 201 && r.status() != 200) {
            throw new IllegalStateException("setup put answered " + r.status());
        }
    }

    private static void stamp(byte[] bytes, long n) {
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (n >>> (8 * i));
        }
    }

    @Benchmark
    public int putNew() {
        stamp(body, ++counter);
        return put(body, null).status();
    }

    @Benchmark
    public int putExisting() {
        stamp(body, 0);
        return put(body, null).status();
    }

    @Benchmark
    public int putGzip() {
        // Same compressed bytes each time: after the first op it measures inflate + hash + dedup.
        return put(gzipBody, "gzip").status();
    }
}
