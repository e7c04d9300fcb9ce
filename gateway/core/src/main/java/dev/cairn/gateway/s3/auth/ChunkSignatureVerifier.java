package dev.cairn.gateway.s3.auth;

/**
 * Verifies the signature chain of an aws-chunked body ({@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD}
 * and its {@code -TRAILER} variant), seeded with the signature of the request itself.
 *
 * <p>The verifier keeps the chain: each signature that verifies becomes the "previous signature"
 * of the next call. Calls must follow the order of the body: every data chunk, then the final
 * zero-length chunk, then (trailer mode only) the trailer. Once a call returns false the chain
 * is broken and every later call returns false too, so a decoder cannot resume after a bad
 * chunk by mistake. Not thread-safe: one instance belongs to one request body.
 */
public interface ChunkSignatureVerifier {

    /**
     * Checks the signature of the next chunk (the final zero-length chunk included).
     *
     * @param chunkSha256 the SHA-256 (32 bytes) of the chunk's data, without framing
     * @param signatureHex the {@code chunk-signature} the client sent; may be null or malformed
     * @return true when it is the expected signature; false otherwise (the chain is then broken)
     */
    boolean verifyChunk(byte[] chunkSha256, String signatureHex);

    /**
     * Checks the trailer signature, after the final zero-length chunk. It is valid only once.
     *
     * @param trailerSha256 SHA-256 of the canonical trailer headers: for each trailing header,
     *     {@code lower-case-name ":" trimmed-value "\n"}, in the order sent, the
     *     {@code x-amz-trailer-signature} line excluded
     * @param signatureHex the {@code x-amz-trailer-signature} the client sent; may be null
     * @return true when it is the expected signature; false otherwise, and always false when
     *     the request did not announce a signed trailer
     */
    boolean verifyTrailer(byte[] trailerSha256, String signatureHex);
}
