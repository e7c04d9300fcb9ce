package dev.cairn.bench;

import dev.cairn.gateway.s3.auth.AccessKeys;
import dev.cairn.gateway.s3.auth.SigV4Settings;
import dev.cairn.gateway.s3.auth.SigV4Verifier;
import dev.cairn.gateway.s3.auth.SignedRequestView;
import dev.cairn.gateway.s3.auth.VerifiedRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SigV4 verification of one request, in µs/op: header authentication ({@code SigV4Verifier} →
 * {@code HeaderAuthenticator}) of a GET and of a 1 MiB PUT with a signed payload hash (the body
 * itself is not read here; its hash is checked while streaming, see S3PutBenchmark), and a
 * presigned GET. The signing-key cache is warm (every request of the day reuses the derived key)
 * or cold: a verifier whose cache holds one key, fed requests from two access keys in turn, so
 * every verification derives its key again (four more HMACs).
 *
 * <p>Every op builds the {@link SignedRequestView} from the header map as the server adapter does,
 * so the canonical request is rebuilt each time; nothing is memoised between ops except the
 * signing key, which is what the warm/cold pair isolates.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SigV4Benchmark {
    private static final String OTHER_KEY = "BENCHACCESSKEY000002";
    private static final String OTHER_SECRET = "other-secret-other-secret-other-secret00";

    private SigV4Verifier warm;
    private SigV4Verifier cold;
    private SignedRequests.Signed get;
    private SignedRequests.Signed put;
    private SignedRequests.Signed presignedGet;
    private SignedRequests.Signed otherGet;
    private SignedRequests.Signed otherPresignedGet;
    private boolean flip;

    @Setup(Level.Trial)
    public void setUp() {
        Clock clock = Clock.fixed(Instant.now(), ZoneOffset.UTC);
        AccessKeys keys = AccessKeys.create(SignedRequests.ACCESS_KEY, SignedRequests.SECRET_KEY, Map.of(OTHER_KEY, OTHER_SECRET));
        SigV4Settings settings = SigV4Settings.defaults();
        warm = SigV4Verifier.create(keys, settings, clock);
        cold = SigV4Verifier.create(keys, new SigV4Settings(null, settings.maxClockSkew(), 1), clock);
        byte[] body = new byte[1 << 20];
        new Random(11).nextBytes(body);
        get = SignedRequests.sign("GET", "/bench/photos/2026/cat.jpg", null, SignedRequests.Payload.SIGNED, clock);
        put = SignedRequests.sign("PUT", "/bench/photos/2026/cat.jpg", body, SignedRequests.Payload.SIGNED, clock);
        presignedGet = SignedRequests.presign("GET", "/bench/photos/2026/cat.jpg", Duration.ofHours(1),
                SignedRequests.ACCESS_KEY, SignedRequests.SECRET_KEY, clock);
        otherPresignedGet = SignedRequests.presign("GET", "/bench/photos/2026/cat.jpg", Duration.ofHours(1),
                OTHER_KEY, OTHER_SECRET, clock);
        otherGet = SignedRequests.sign("GET", "/bench/photos/2026/cat.jpg", null, SignedRequests.Payload.SIGNED, null,
                OTHER_KEY, OTHER_SECRET, clock);
        // A benchmark of a rejection would measure the wrong path: each must verify.
        for (SignedRequests.Signed s : new SignedRequests.Signed[] {get, put, presignedGet, otherGet, otherPresignedGet}) {
            warm.verify(view(s));
            cold.verify(view(s));
        }
    }

    private static SignedRequestView view(SignedRequests.Signed s) {
        return new SignedRequestView(s.method(), s.path(), s.rawQuery(), s.headers());
    }

    @Benchmark
    public VerifiedRequest headerGetWarm() {
        return warm.verify(view(get));
    }

    @Benchmark
    public VerifiedRequest headerPutWarm() {
        return warm.verify(view(put));
    }

    @Benchmark
    public VerifiedRequest presignedGetWarm() {
        return warm.verify(view(presignedGet));
    }

    /** Alternates two access keys through a one-entry cache: every op derives its signing key. */
    @Benchmark
    public VerifiedRequest headerGetCold() {
        flip = !flip;
        return cold.verify(view(flip ? get : otherGet));
    }

    @Benchmark
    public VerifiedRequest presignedGetCold() {
        flip = !flip;
        return cold.verify(view(flip ? presignedGet : otherPresignedGet));
    }
}
