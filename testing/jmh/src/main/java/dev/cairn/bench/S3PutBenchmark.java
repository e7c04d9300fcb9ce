package dev.cairn.bench;

import dev.cairn.blob.BackendSettings;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.memory.MemoryBlobStoreProvider;
import dev.cairn.gateway.http.Headers;
import dev.cairn.gateway.http.HttpCall;
import dev.cairn.gateway.http.HttpResult;
import dev.cairn.gateway.s3.S3Api;
import dev.cairn.gateway.s3.S3Settings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
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
 * The in-process S3 PutObject path for 1 MiB: SigV4 verification, body decoding and checks, the
 * store's one-pass BLAKE3 + MD5 and publish into the memory store; no network. Requests are
 * signed once at setup by the AWS SDK's signer and replayed (well inside the 15-minute skew
 * window). Modes: {@code SIGNED} (x-amz-content-sha256 = hex, checked at end of stream),
 * {@code UNSIGNED} (UNSIGNED-PAYLOAD), {@code STREAMING} (aws-chunked, every chunk signature
 * verified). {@code headObject} measures SigV4 verification of a bodiless request.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class S3PutBenchmark {
    @Param({"SIGNED", "UNSIGNED", "STREAMING"})
    public String mode;

    @Param({"1048576"})
    public int size;

    private BlobStore store;
    private S3Api api;
    private Replay put;
    private Replay head;

    /** A signed request ready to replay. */
    private record Replay(String method, String path, Headers headers, byte[] wire, long length) {
        HttpCall call() {
            return new HttpCall(method, path, null, headers, () -> new ByteArrayInputStream(wire), length, "bench");
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        store = new MemoryBlobStoreProvider().open(new BackendSettings(Path.of("."), Map.of("memory.max-bytes", "1GiB")));
        S3Settings settings = new S3Settings(SignedRequests.REGION, false, null, SignedRequests.ACCESS_KEY, SignedRequests.SECRET_KEY, S3Settings.DEFAULT_MAX_PUT_SIZE, Duration.ofMinutes(15));
        api = S3Api.create(store, settings, new SimpleMeterRegistry(), Clock.systemUTC());
        store.createBucket("bench");
        byte[] body = new byte[size];
        new Random(9).nextBytes(body);
        put = sign("PUT", "/bench/object", body, mode);
        head = sign("HEAD", "/bench/object", null, "SIGNED");
        expect(200, api.handle(put.call()));
        expect(200, api.handle(head.call()));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        store.close();
    }

    private static void expect(int status, HttpResult r) {
        if (r.status() != status) {
            throw new IllegalStateException("setup request answered " + r.status());
        }
    }

    private static Replay sign(String method, String path, byte[] body, String mode) {
        SignedRequests.Signed s = SignedRequests.sign(method, path, body, SignedRequests.Payload.valueOf(mode), Clock.systemUTC());
        return new Replay(method, path, Headers.of(s.headers()), s.wire(), s.length());
    }

    @Benchmark
    public int putObject() {
        return api.handle(put.call()).status();
    }

    @Benchmark
    public int headObject() {
        return api.handle(head.call()).status();
    }
}
