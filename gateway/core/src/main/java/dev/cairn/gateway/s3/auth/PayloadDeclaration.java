package dev.cairn.gateway.s3.auth;

import dev.cairn.gateway.s3.error.S3ErrorCode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code x-amz-content-sha256}: a 64-hex digest or one of S3's literal modes.
 *
 * @param mode the payload mode it declares
 * @param value the value as sent: it is the last line of the canonical request
 */
record PayloadDeclaration(PayloadMode mode, String value) {
    static final String HEADER = "x-amz-content-sha256";

    private static final String SIGV4A_STREAMING = "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD";
    private static final String SIGV4A_STREAMING_TRAILER = "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER";

    /** The lower-case hex digest for {@link PayloadMode#SIGNED_PAYLOAD}, otherwise null. */
    String sha256Hex() {
        return mode == PayloadMode.SIGNED_PAYLOAD ? value.toLowerCase(Locale.ROOT) : null;
    }

    /**
     * @param value the header value, or null when absent
     * @param argumentName the header or parameter name, for error details
     * @throws S3AuthException {@code InvalidRequest} when absent, {@code NotImplemented} for
     *     the SigV4a streaming modes, {@code InvalidArgument} for any other unknown value
     */
    static PayloadDeclaration parse(String value, String argumentName) {
        if (value == null) {
            throw new S3AuthException(S3ErrorCode.InvalidRequest,
                    "Missing required header for this request: " + HEADER);
        }
        if (isHex64(value)) {
            return new PayloadDeclaration(PayloadMode.SIGNED_PAYLOAD, value);
        }
        for (PayloadMode mode : PayloadMode.values()) {
            if (value.equals(mode.headerValue())) {
                return new PayloadDeclaration(mode, value);
            }
        }
        if (value.equals(SIGV4A_STREAMING) || value.equals(SIGV4A_STREAMING_TRAILER)) {
            throw new S3AuthException(S3ErrorCode.NotImplemented,
                    "A header you provided implies functionality that is not implemented",
                    Map.of("Header", argumentName));
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("ArgumentName", argumentName);
        details.put("ArgumentValue", value);
        throw new S3AuthException(S3ErrorCode.InvalidArgument,
                "x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER, "
                        + "STREAMING-AWS4-HMAC-SHA256-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER, "
                        + SIGV4A_STREAMING + ", " + SIGV4A_STREAMING_TRAILER + " or a valid sha256 value.",
                details);
    }

    private static boolean isHex64(String s) {
        if (s.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
