package dev.cairn.gateway.s3.chunked;

/**
 * Verifies the SigV4 signature chain of a signed aws-chunked body. The decoder calls it once per
 * chunk, in body order and including the final zero-length chunk, then once for the trailer when
 * the mode has one. Implementations hold the chain state (seed signature, previous signature,
 * signing key, scope, timestamp), so one instance serves one request.
 */
public interface ChunkSignatureVerifier {
    /**
     * @param chunkDataSha256 SHA-256 of the chunk's data (32 bytes; of no bytes for the final chunk)
     * @param claimedSignatureHex the {@code chunk-signature} the client sent: 64 lowercase hex digits
     * @return whether the signature is the expected next link of the chain
     */
    boolean verifyChunk(byte[] chunkDataSha256, String claimedSignatureHex);

    /**
     * @param canonicalTrailerSha256 SHA-256 of the canonical trailer: {@code name:value\n} for each
     *        trailer header except {@code x-amz-trailer-signature}, in the order received, names in
     *        lowercase and values without surrounding whitespace
     * @param claimedSignatureHex the {@code x-amz-trailer-signature} the client sent: 64 lowercase hex digits
     * @return whether the signature is the expected last link of the chain
     */
    boolean verifyTrailer(byte[] canonicalTrailerSha256, String claimedSignatureHex);
}
