package dev.cairn.gateway.s3.auth;

import dev.cairn.blob.digest.Hex;
import java.util.Objects;

/**
 * The signature chain of one aws-chunked body. Chunk signatures sign
 * {@code AWS4-HMAC-SHA256-PAYLOAD \n date \n scope \n previous \n sha256("") \n sha256(chunk)}
 * and the trailer signature signs
 * {@code AWS4-HMAC-SHA256-TRAILER \n date \n scope \n previous \n sha256(trailer)}, each with
 * the signing key of the seed request.
 */
final class StreamingSignatureChain implements ChunkSignatureVerifier {
    private static final String CHUNK_ALGORITHM = "AWS4-HMAC-SHA256-PAYLOAD";
    private static final String TRAILER_ALGORITHM = "AWS4-HMAC-SHA256-TRAILER";

    private final byte[] signingKey;
    private final String timestamp;
    private final String scope;
    private final boolean trailerExpected;
    private String previousSignature;
    private boolean broken;
    private boolean finished;

    /**
     * @param signingKey the derived key of the seed request (not copied: the cache never mutates it)
     * @param timestamp the request's {@code yyyyMMdd'T'HHmmss'Z'} time
     * @param scope {@code date/region/s3/aws4_request}
     * @param seedSignature the verified signature of the request itself
     */
    StreamingSignatureChain(byte[] signingKey, String timestamp, String scope, String seedSignature, boolean trailerExpected) {
        this.signingKey = Objects.requireNonNull(signingKey, "signingKey");
        this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
        this.scope = Objects.requireNonNull(scope, "scope");
        this.previousSignature = Objects.requireNonNull(seedSignature, "seedSignature");
        this.trailerExpected = trailerExpected;
    }

    /** The signature a chunk with this data hash must carry after {@code previous}. */
    String chunkSignature(String previous, byte[] chunkSha256) {
        String stringToSign = CHUNK_ALGORITHM + '\n' + timestamp + '\n' + scope + '\n' + previous + '\n'
                + Crypto.EMPTY_SHA256_HEX + '\n' + Hex.encode(chunkSha256);
        return Hex.encode(Crypto.hmac(signingKey, stringToSign));
    }

    /** The signature a trailer with this canonical-trailer hash must carry after {@code previous}. */
    String trailerSignature(String previous, byte[] trailerSha256) {
        String stringToSign = TRAILER_ALGORITHM + '\n' + timestamp + '\n' + scope + '\n' + previous + '\n'
                + Hex.encode(trailerSha256);
        return Hex.encode(Crypto.hmac(signingKey, stringToSign));
    }

    @Override
    public boolean verifyChunk(byte[] chunkSha256, String signatureHex) {
        if (broken || finished || !isSha256(chunkSha256)) {
            return fail();
        }
        return advance(chunkSignature(previousSignature, chunkSha256), signatureHex);
    }

    @Override
    public boolean verifyTrailer(byte[] trailerSha256, String signatureHex) {
        if (broken || finished || !trailerExpected || !isSha256(trailerSha256)) {
            return fail();
        }
        boolean ok = advance(trailerSignature(previousSignature, trailerSha256), signatureHex);
        finished = true; // nothing may follow the trailer
        return ok;
    }

    private boolean advance(String expected, String provided) {
        if (!Crypto.signaturesEqual(expected, provided)) {
            return fail();
        }
        previousSignature = expected;
        return true;
    }

    private boolean fail() {
        broken = true;
        return false;
    }

    private static boolean isSha256(byte[] digest) {
        return digest != null && digest.length == 32;
    }
}
