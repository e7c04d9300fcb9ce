package dev.cairn.bench;

import dev.cairn.gateway.http.Headers;
import dev.cairn.gateway.s3.auth.AccessKeys;
import dev.cairn.gateway.s3.auth.SigV4Settings;
import dev.cairn.gateway.s3.auth.SigV4Verifier;
import dev.cairn.gateway.s3.auth.SignedRequestView;
import dev.cairn.gateway.s3.chunked.AwsChunkedDecoder;
import dev.cairn.gateway.s3.chunked.AwsChunkedInputStream;
import dev.cairn.gateway.s3.chunked.AwsChunkedRequest;
import dev.cairn.gateway.s3.chunked.ChecksumIntent;
import dev.cairn.gateway.s3.chunked.S3RequestException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.checksums.DefaultChecksumAlgorithm;

/**
 * aws-chunked decoding of a 1 MiB body, in ops/s; one op is 1 MiB, so ops/s is MiB/s. Modes:
 * {@code SIGNED} ({@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD}: the request's header signature is
 * verified, which gives the chain seed, then every chunk's SHA-256 and chain HMAC), and
 * {@code UNSIGNED_CRC32} / {@code UNSIGNED_CRC64NVME} ({@code STREAMING-UNSIGNED-PAYLOAD-TRAILER}:
 * framing only, then the trailing checksum computed over the decoded bytes and compared). Bodies
 * are signed by the AWS SDK and re-framed at {@code chunkSize} (see {@link AwsChunkedFraming});
 * at 131072 the SIGNED and CRC32 bodies are the SDK's bytes verbatim (setup checks this). The
 * SDK computes CRC64NVME only with its native aws-crt, so that trailer is computed by a reference
 * CRC in {@link AwsChunkedFraming} and put in place of the SDK's CRC32 one. {@code rawFloor} reads the same number of raw bytes
 * through the same buffer, the cost below which no decoder can go.
 *
 * <p>The SIGNED op includes one header verification (a few µs, see SigV4Benchmark) because the
 * chunk chain is seeded by it and is single-use, as in the gateway.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AwsChunkedBenchmark {
    private static final int SIZE = 1 << 20;

    @Param({"SIGNED", "UNSIGNED_CRC32", "UNSIGNED_CRC64NVME"})
    public String mode;

    @Param({"65536", "131072"})
    public int chunkSize;

    private final byte[] scratch = new byte[64 << 10];
    private final AwsChunkedDecoder decoder = AwsChunkedDecoder.defaults();
    private SigV4Verifier verifier;
    private SignedRequests.Signed request;
    private Headers headers;
    private AwsChunkedRequest chunked;
    private byte[] wire;
    private byte[] raw;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Clock clock = Clock.fixed(Instant.now(), ZoneOffset.UTC);
        verifier = SigV4Verifier.create(AccessKeys.of(SignedRequests.ACCESS_KEY, SignedRequests.SECRET_KEY),
                SigV4Settings.defaults(), clock);
        raw = new byte[SIZE];
        new Random(13).nextBytes(raw);
        if (mode.equals("SIGNED")) {
            request = SignedRequests.sign("PUT", "/bench/object", raw, SignedRequests.Payload.STREAMING, clock);
            AwsChunkedFraming.checkAgainst(
                    AwsChunkedFraming.signed(raw, AwsChunkedFraming.SDK_CHUNK_SIZE, request, SignedRequests.SECRET_KEY), request.wire());
            wire = AwsChunkedFraming.signed(raw, chunkSize, request, SignedRequests.SECRET_KEY);
        } else {
            // The SDK signs CRC32 trailers itself; CRC64NVME needs its native aws-crt, so that
            // request is the SDK's CRC32 one with the trailer renamed (unsigned mode: the trailer
            // name is not covered by a signature the decoder checks).
            request = SignedRequests.sign("PUT", "/bench/object", raw, SignedRequests.Payload.STREAMING_UNSIGNED_TRAILER,
                    DefaultChecksumAlgorithm.CRC32, SignedRequests.ACCESS_KEY, SignedRequests.SECRET_KEY, clock);
            AwsChunkedFraming.checkAgainst(AwsChunkedFraming.unsignedWithTrailer(raw, AwsChunkedFraming.SDK_CHUNK_SIZE,
                    "x-amz-checksum-crc32", AwsChunkedFraming.crc32(raw)), request.wire());
            if (mode.equals("UNSIGNED_CRC32")) {
                wire = AwsChunkedFraming.unsignedWithTrailer(raw, chunkSize, "x-amz-checksum-crc32", AwsChunkedFraming.crc32(raw));
            } else {
                request = crc64Trailer(request);
                wire = AwsChunkedFraming.unsignedWithTrailer(raw, chunkSize, "x-amz-checksum-crc64nvme", AwsChunkedFraming.crc64Nvme(raw));
            }
        }
        headers = Headers.of(request.headers());
        try {
            chunked = AwsChunkedRequest.fromHeaders(headers::all).orElseThrow();
        } catch (S3RequestException e) {
            throw new IllegalStateException(e);
        }
        if (decode() != SIZE) {
            throw new IllegalStateException("decoded the wrong number of bytes");
        }
    }

    private static SignedRequests.Signed crc64Trailer(SignedRequests.Signed crc32) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        crc32.headers().forEach((name, values) -> headers.put(name, values.stream()
                .map(v -> v.equalsIgnoreCase("x-amz-checksum-crc32") ? "x-amz-checksum-crc64nvme" : v.equalsIgnoreCase("CRC32") ? "CRC64NVME" : v)
                .toList()));
        return new SignedRequests.Signed(crc32.method(), crc32.path(), crc32.rawQuery(), headers, crc32.wire(), crc32.length());
    }

    @Benchmark
    public long decode() throws IOException {
        InputStream in;
        if (chunked.mode().signed()) {
            SignedRequestView view = new SignedRequestView(request.method(), request.path(), request.rawQuery(), request.headers());
            in = decoder.decode(new ByteArrayInputStream(wire), chunked, verifier.verify(view).chunkVerifier());
        } else {
            AwsChunkedInputStream decoding = decoder.decode(new ByteArrayInputStream(wire), chunked, null);
            try {
                in = ChecksumIntent.parse(headers::all).verify(decoding, decoding::trailers);
            } catch (S3RequestException e) {
                throw new IllegalStateException(e);
            }
        }
        return drain(in);
    }

    @Benchmark
    public long rawFloor() throws IOException {
        return drain(new ByteArrayInputStream(raw));
    }

    private long drain(InputStream in) throws IOException {
        long total = 0;
        try (in) {
            for (int n; (n = in.read(scratch)) >= 0; ) {
                total += n;
            }
        }
        return total;
    }
}
