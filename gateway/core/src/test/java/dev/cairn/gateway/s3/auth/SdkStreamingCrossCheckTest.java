package dev.cairn.gateway.s3.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.checksums.DefaultChecksumAlgorithm;
import software.amazon.awssdk.checksums.spi.ChecksumAlgorithm;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * aws-chunked bodies produced by the AWS SDK signer: the chunk and trailer signatures it writes
 * must be the ones {@link ChunkSignatureVerifier} expects, in order, and no others.
 */
class SdkStreamingCrossCheckTest {
    private final Clock clock = Clock.fixed(SdkSignerCrossCheckTest.NOW, java.time.ZoneOffset.UTC);
    private final SdkSigner signer = new SdkSigner(SdkSignerCrossCheckTest.ACCESS_KEY, SdkSignerCrossCheckTest.SECRET_KEY,
            "us-west-2", clock);
    private final SigV4Verifier verifier = SigV4Verifier.create(id -> SdkSignerCrossCheckTest.SECRET_KEY,
            SigV4Settings.defaults(), clock);

    /** One chunk of an aws-chunked body, and the trailer lines after the final chunk. */
    record Chunk(byte[] data, String signature) {
    }

    record Decoded(List<Chunk> chunks, List<String> trailerLines, String trailerSignature) {
    }

    @Test
    void signedChunksWithoutTrailer() throws IOException {
        byte[] body = randomBytes(300_000); // more than two of the SDK's 128 KiB chunks
        SignedRequest signed = signer.sign(spec(body, true, null));
        VerifiedRequest verified = verifier.verify(SdkSigner.view(signed.request()));

        assertEquals(PayloadMode.STREAMING_SIGNED, verified.payloadMode());
        Decoded decoded = decode(signed);
        assertTrue(decoded.chunks().size() >= 3, "several chunks plus the final empty one");
        ChunkSignatureVerifier chain = verified.chunkVerifier();
        for (Chunk chunk : decoded.chunks()) {
            assertTrue(chain.verifyChunk(Crypto.sha256(chunk.data()), chunk.signature()));
        }
        assertEquals(0, decoded.chunks().get(decoded.chunks().size() - 1).data().length);
    }

    @Test
    void signedChunksWithSignedChecksumTrailer() throws IOException {
        byte[] body = randomBytes(140_000);
        SignedRequest signed = signer.sign(spec(body, true, DefaultChecksumAlgorithm.CRC32));
        VerifiedRequest verified = verifier.verify(SdkSigner.view(signed.request()));

        assertEquals(PayloadMode.STREAMING_SIGNED_TRAILER, verified.payloadMode());
        Decoded decoded = decode(signed);
        ChunkSignatureVerifier chain = verified.chunkVerifier();
        for (Chunk chunk : decoded.chunks()) {
            assertTrue(chain.verifyChunk(Crypto.sha256(chunk.data()), chunk.signature()));
        }
        assertEquals(1, decoded.trailerLines().size());
        assertTrue(decoded.trailerLines().get(0).startsWith("x-amz-checksum-crc32:"));
        String canonicalTrailer = decoded.trailerLines().get(0) + "\n";
        assertTrue(chain.verifyTrailer(Crypto.sha256(canonicalTrailer.getBytes(StandardCharsets.UTF_8)),
                decoded.trailerSignature()));
        assertFalse(chain.verifyTrailer(Crypto.sha256(canonicalTrailer.getBytes(StandardCharsets.UTF_8)),
                decoded.trailerSignature()), "a trailer is accepted once");
    }

    @Test
    void tamperedChunkBreaksTheChain() throws IOException {
        byte[] body = randomBytes(140_000);
        SignedRequest signed = signer.sign(spec(body, true, DefaultChecksumAlgorithm.CRC32));
        ChunkSignatureVerifier chain = verifier.verify(SdkSigner.view(signed.request())).chunkVerifier();
        Decoded decoded = decode(signed);

        byte[] first = decoded.chunks().get(0).data().clone();
        first[first.length / 2] ^= 1;
        assertFalse(chain.verifyChunk(Crypto.sha256(first), decoded.chunks().get(0).signature()));
        // Even the genuine second chunk is refused once the chain broke.
        Chunk second = decoded.chunks().get(1);
        assertFalse(chain.verifyChunk(Crypto.sha256(second.data()), second.signature()));
    }

    @Test
    void tamperedTrailerIsRefused() throws IOException {
        byte[] body = randomBytes(1000);
        SignedRequest signed = signer.sign(spec(body, true, DefaultChecksumAlgorithm.CRC32));
        ChunkSignatureVerifier chain = verifier.verify(SdkSigner.view(signed.request())).chunkVerifier();
        Decoded decoded = decode(signed);
        for (Chunk chunk : decoded.chunks()) {
            assertTrue(chain.verifyChunk(Crypto.sha256(chunk.data()), chunk.signature()));
        }

        String forged = "x-amz-checksum-crc32:AAAAAA==\n";
        assertFalse(chain.verifyTrailer(Crypto.sha256(forged.getBytes(StandardCharsets.UTF_8)),
                decoded.trailerSignature()));
    }

    @Test
    void unsignedChunksWithTrailerHaveNoChain() {
        SignedRequest signed = signer.sign(spec(randomBytes(1000), false, DefaultChecksumAlgorithm.CRC32));

        VerifiedRequest verified = verifier.verify(SdkSigner.view(signed.request()));

        assertEquals(PayloadMode.STREAMING_UNSIGNED_TRAILER, verified.payloadMode());
        assertNull(verified.chunkVerifier());
        assertTrue(verified.payloadMode().awsChunked());
        assertTrue(verified.payloadMode().hasTrailer());
    }

    private static SdkSigner.Spec spec(byte[] body, boolean payloadSigning, ChecksumAlgorithm checksum) {
        return new SdkSigner.Spec(SdkHttpMethod.PUT, "/bucket/streamed%20object", Map.of(),
                Map.of("x-amz-storage-class", "STANDARD"), body, payloadSigning, true, checksum, null);
    }

    /** A minimal aws-chunked reader, only for these tests (the gateway's decoder lives elsewhere). */
    static Decoded decode(SignedRequest signed) throws IOException {
        try (InputStream in = signed.payload().orElseThrow().newStream()) {
            List<Chunk> chunks = new ArrayList<>();
            while (true) {
                String header = readLine(in);
                int semi = header.indexOf(";chunk-signature=");
                int size = Integer.parseInt(header.substring(0, semi), 16);
                byte[] data = in.readNBytes(size);
                chunks.add(new Chunk(data, header.substring(semi + ";chunk-signature=".length())));
                if (size == 0) {
                    break;
                }
                assertEquals("", readLine(in));
            }
            List<String> trailers = new ArrayList<>();
            String trailerSignature = null;
            for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
                if (line.startsWith("x-amz-trailer-signature:")) {
                    trailerSignature = line.substring("x-amz-trailer-signature:".length());
                } else {
                    trailers.add(line);
                }
            }
            return new Decoded(chunks, trailers, trailerSignature);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                String s = line.toString(StandardCharsets.UTF_8);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
    }

    private static byte[] randomBytes(int n) {
        byte[] data = new byte[n];
        new Random(42).nextBytes(data);
        return data;
    }
}
