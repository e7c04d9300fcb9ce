package dev.cairn.gateway.s3.auth;

import dev.cairn.gateway.s3.error.S3ErrorCode;
import java.util.Map;

/**
 * Where the signature parameters came from. S3 reports the same mistake with a different code
 * and wording for each: {@code AuthorizationHeaderMalformed} for the header and
 * {@code AuthorizationQueryParametersError} for presigned URLs.
 */
enum AuthSource {
    HEADER(S3ErrorCode.AuthorizationHeaderMalformed, "The authorization header is malformed; "),
    QUERY(S3ErrorCode.AuthorizationQueryParametersError, "Error parsing the X-Amz-Credential parameter; ");

    private final S3ErrorCode malformedError;
    private final String credentialPrefix;

    AuthSource(S3ErrorCode malformedError, String credentialPrefix) {
        this.malformedError = malformedError;
        this.credentialPrefix = credentialPrefix;
    }

    /** A malformed-signature error with exactly this message. */
    S3AuthException malformed(String message) {
        return new S3AuthException(malformedError, message);
    }

    /** A malformed-credential error: S3's prefix for this source, then {@code detail}. */
    S3AuthException badCredential(String detail, Map<String, String> details) {
        return new S3AuthException(malformedError, credentialPrefix + detail, details);
    }
}
