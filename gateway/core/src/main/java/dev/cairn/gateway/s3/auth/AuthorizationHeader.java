package dev.cairn.gateway.s3.auth;

import dev.cairn.gateway.s3.error.S3ErrorCode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed {@code Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...}.
 *
 * <p>Tolerated, because SDKs and curl differ: any whitespace (or none) after the commas,
 * whitespace around {@code =}, and the three components in any order. Rejected: another or
 * repeated component, an empty value, a missing component.
 */
record AuthorizationHeader(String credential, String signedHeaders, String signature) {
    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final String SIGV4A_ALGORITHM = "AWS4-ECDSA-P256-SHA256";

    private static final String MALFORMED = "The authorization header is malformed; ";

    /**
     * @throws S3AuthException {@code NotImplemented} for SigV4a, {@code InvalidRequest} for
     *     SigV2, {@code InvalidArgument} for an unknown scheme, {@code AuthorizationHeaderMalformed}
     *     for a SigV4 header that cannot be parsed
     */
    static AuthorizationHeader parse(List<String> headerValues) {
        if (headerValues.size() != 1) {
            throw AuthSource.HEADER.malformed(MALFORMED + "more than one Authorization header was sent.");
        }
        String value = headerValues.get(0).strip();
        int space = indexOfWhitespace(value);
        String scheme = space < 0 ? value : value.substring(0, space);
        checkScheme(scheme);
        if (space < 0) {
            throw missingComponents();
        }
        Map<String, String> components = new HashMap<>();
        for (String part : value.substring(space + 1).split(",", -1)) {
            String item = part.strip();
            int eq = item.indexOf('=');
            if (eq < 0) {
                throw AuthSource.HEADER.malformed(MALFORMED + "the authorization component \"" + item
                        + "\" is malformed.");
            }
            String name = item.substring(0, eq).strip();
            String componentValue = item.substring(eq + 1).strip();
            if (!(name.equals("Credential") || name.equals("SignedHeaders") || name.equals("Signature"))) {
                throw AuthSource.HEADER.malformed(MALFORMED + "the authorization component \"" + item
                        + "\" is malformed.");
            }
            if (componentValue.isEmpty() || components.putIfAbsent(name, componentValue) != null) {
                throw AuthSource.HEADER.malformed(MALFORMED + "the authorization component \"" + name
                        + "\" is empty or repeated.");
            }
        }
        if (components.size() != 3) {
            throw missingComponents();
        }
        return new AuthorizationHeader(components.get("Credential"), components.get("SignedHeaders"),
                components.get("Signature"));
    }

    private static void checkScheme(String scheme) {
        if (scheme.equals(ALGORITHM)) {
            return;
        }
        if (scheme.equals(SIGV4A_ALGORITHM)) {
            throw new S3AuthException(S3ErrorCode.NotImplemented,
                    "Signature Version 4A (" + SIGV4A_ALGORITHM + ") is not implemented; use " + ALGORITHM + ".");
        }
        if (scheme.equals("AWS")) {
            throw new S3AuthException(S3ErrorCode.InvalidRequest,
                    "The authorization mechanism you have provided is not supported. Please use " + ALGORITHM + ".");
        }
        throw new S3AuthException(S3ErrorCode.InvalidArgument, "Unsupported Authorization Type",
                Map.of("ArgumentName", "Authorization"));
    }

    private static S3AuthException missingComponents() {
        return AuthSource.HEADER.malformed(MALFORMED
                + "it requires three components: Credential, SignedHeaders and Signature.");
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
