package dev.cairn.gateway.s3.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a successful verification.
 *
 * @param accessKeyId the access key that signed the request
 * @param region the region of the credential scope
 * @param signedAt the request time that was signed ({@code X-Amz-Date} or {@code Date})
 * @param payloadMode how the body is protected
 * @param payloadSha256Hex lower-case hex SHA-256 the body must have; non-null exactly when
 *     {@code payloadMode} is {@link PayloadMode#SIGNED_PAYLOAD}
 * @param chunkVerifier the chunk signature chain; non-null exactly when
 *     {@code payloadMode.chunksSigned()}
 * @param presigned true for query (presigned URL) authentication
 */
public record VerifiedRequest(
        String accessKeyId,
        String region,
        Instant signedAt,
        PayloadMode payloadMode,
        String payloadSha256Hex,
        ChunkSignatureVerifier chunkVerifier,
        boolean presigned) {

    public VerifiedRequest {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(signedAt, "signedAt");
        Objects.requireNonNull(payloadMode, "payloadMode");
        if ((payloadSha256Hex != null) != (payloadMode == PayloadMode.SIGNED_PAYLOAD)) {
            throw new IllegalArgumentException("payloadSha256Hex must be set exactly for SIGNED_PAYLOAD");
        }
        if ((chunkVerifier != null) != payloadMode.chunksSigned()) {
            throw new IllegalArgumentException("chunkVerifier must be set exactly for signed streaming modes");
        }
    }

    /** The declared body hash, for {@link PayloadMode#SIGNED_PAYLOAD}. */
    public Optional<String> declaredPayloadSha256() {
        return Optional.ofNullable(payloadSha256Hex);
    }

    /** The chunk signature chain, for signed streaming modes. */
    public Optional<ChunkSignatureVerifier> streamingVerifier() {
        return Optional.ofNullable(chunkVerifier);
    }
}
