package dev.cairn.gateway.s3.auth;

import java.time.Clock;
import java.util.Objects;

/**
 * Verifies AWS Signature Version 4 (and, for older clients and S3 presigning, Version 2) on S3
 * requests: the {@code Authorization} header (signed,
 * unsigned and streaming payloads) and presigned URLs. Pure: no I/O besides the
 * {@link CredentialsLookup}, and time comes from the injected {@link Clock}. Thread-safe.
 *
 * <p>What is verified: the credential scope ({@code <key>/<date>/<region>/s3/aws4_request},
 * date equal to the request date, region per {@link SigV4Settings#expectedRegion()}); the
 * request time (within {@link SigV4Settings#maxClockSkew()} of the server clock for header
 * authentication; between {@code X-Amz-Date} and {@code X-Amz-Date + X-Amz-Expires} for
 * presigned URLs, which may not exceed one week); the signed-header rules of
 * {@link SignedHeaders}; and the signature over the canonical request, built from the raw path
 * and query exactly as S3 does. The body is not read: for
 * {@link PayloadMode#SIGNED_PAYLOAD} the caller must check the body against
 * {@link VerifiedRequest#payloadSha256Hex()}, and for signed streaming the aws-chunked decoder
 * must use {@link VerifiedRequest#chunkVerifier()}.
 */
public interface SigV4Verifier {

    /**
     * Verifies a request's signature.
     *
     * @return who signed it and how its body is protected
     * @throws S3AuthException with, among others: {@code AccessDenied} for an anonymous request
     *     (check {@link AuthStyle#detect} first), a missing date, an expired or not yet valid
     *     presigned URL, or unsigned {@code host}/{@code x-amz-*} headers;
     *     {@code InvalidArgument} for header and query authentication together or a bad
     *     {@code x-amz-content-sha256}; {@code InvalidRequest} for a missing
     *     {@code x-amz-content-sha256}; {@code AuthorizationHeaderMalformed} /
     *     {@code AuthorizationQueryParametersError} for unparsable parameters or a wrong scope;
     *     {@code RequestTimeTooSkewed}; {@code InvalidToken} for a session token;
     *     {@code NotImplemented} for SigV4a; {@code InvalidAccessKeyId}; {@code SignatureDoesNotMatch}
     */
    default VerifiedRequest verify(SignedRequestView request) {
        return verify(request, null);
    }

    /**
     * As {@link #verify(SignedRequestView)}, for a request the router addressed to a bucket named
     * by its Host header. SigV2 signs {@code /bucket/path} for such requests; taking the bucket
     * from the router (never guessing it from the Host) keeps a signature for one bucket from
     * being replayed against another.
     *
     * @param virtualHostBucket the bucket taken from the Host header, or null for path-style
     */
    VerifiedRequest verify(SignedRequestView request, String virtualHostBucket);

    /**
     * @param credentials secret lookup by access key id
     * @param settings region, skew and cache settings
     * @param clock the server clock (inject a fixed one in tests)
     */
    static SigV4Verifier create(CredentialsLookup credentials, SigV4Settings settings, Clock clock) {
        return new DefaultSigV4Verifier(Objects.requireNonNull(credentials, "credentials"),
                Objects.requireNonNull(settings, "settings"), Objects.requireNonNull(clock, "clock"));
    }
}
