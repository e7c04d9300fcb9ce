package dev.cairn.gateway.s3.chunked;

import dev.cairn.gateway.s3.auth.ChunkSignatureVerifier;
import dev.cairn.blob.digest.Hex;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The SigV4 chunk chain, written out in the test so that encoded test bodies carry real
 * signatures and captured SDK bodies can be verified; the production chain lives elsewhere.
 */
final class TestSigV4 {
    static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private final byte[] signingKey;
    private final String timestamp;
    private final String scope;

    /**
     * @param timestamp as in {@code x-amz-date}, e.g. {@code 20130524T000000Z}
     */
    TestSigV4(String secret, String timestamp, String region, String service) {
        String date = timestamp.substring(0, 8);
        byte[] k = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        k = hmac(k, region);
        k = hmac(k, service);
        this.signingKey = hmac(k, "aws4_request");
        this.timestamp = timestamp;
        this.scope = date + "/" + region + "/" + service + "/aws4_request";
    }

    String chunkSignature(String previous, byte[] chunkSha256) {
        return Hex.encode(hmac(signingKey, String.join("\n", "AWS4-HMAC-SHA256-PAYLOAD", timestamp, scope, previous,
                EMPTY_SHA256, Hex.encode(chunkSha256))));
    }

    String trailerSignature(String previous, byte[] canonicalTrailerSha256) {
        return Hex.encode(hmac(signingKey, String.join("\n", "AWS4-HMAC-SHA256-TRAILER", timestamp, scope, previous,
                Hex.encode(canonicalTrailerSha256))));
    }

    /** A verifier that follows the chain from {@code seed} and records every call. */
    Recording verifier(String seed) {
        return new Recording(this, seed);
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** One verifier call: which kind, the hash it was given, the signature claimed, the answer. */
    record Call(boolean trailer, String sha256Hex, String claimed, boolean accepted) {
    }

    /** Verifies against the chain (or, with {@code chain == null}, accepts anything) and records the calls. */
    static final class Recording implements ChunkSignatureVerifier {
        private final TestSigV4 chain;
        private String previous;
        final List<Call> calls = new ArrayList<>();

        Recording(TestSigV4 chain, String seed) {
            this.chain = chain;
            this.previous = seed;
        }

        static Recording acceptingAll() {
            return new Recording(null, null);
        }

        @Override
        public boolean verifyChunk(byte[] chunkDataSha256, String claimedSignatureHex) {
            boolean ok = chain == null || chain.chunkSignature(previous, chunkDataSha256).equals(claimedSignatureHex);
            calls.add(new Call(false, Hex.encode(chunkDataSha256), claimedSignatureHex, ok));
            previous = claimedSignatureHex;
            return ok;
        }

        @Override
        public boolean verifyTrailer(byte[] canonicalTrailerSha256, String claimedSignatureHex) {
            boolean ok = chain == null || chain.trailerSignature(previous, canonicalTrailerSha256).equals(claimedSignatureHex);
            calls.add(new Call(true, Hex.encode(canonicalTrailerSha256), claimedSignatureHex, ok));
            return ok;
        }
    }
}
