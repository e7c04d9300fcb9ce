package dev.cairn.gateway.s3.auth;

import dev.cairn.gateway.s3.error.S3ErrorCode;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Verifies presigned URLs ({@code X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=...}). */
final class PresignedAuthenticator {
    static final long MAX_EXPIRES_SECONDS = 604_800; // one week, S3's limit

    private static final String SIGNATURE = "X-Amz-Signature";
    private static final List<String> REQUIRED = List.of(AuthStyle.ALGORITHM_PARAMETER, "X-Amz-Credential", SIGNATURE,
            "X-Amz-Date", "X-Amz-SignedHeaders", "X-Amz-Expires");
    /** A few clients hoist the payload hash into the query; S3 then signs with it. */
    private static final String CONTENT_SHA256 = "X-Amz-Content-Sha256";

    private final SigV4Settings settings;
    private final Clock clock;
    private final SignatureCheck signatureCheck;

    PresignedAuthenticator(SigV4Settings settings, Clock clock, SignatureCheck signatureCheck) {
        this.settings = settings;
        this.clock = clock;
        this.signatureCheck = signatureCheck;
    }

    VerifiedRequest verify(SignedRequestView request, QueryParameters query) {
        for (String name : REQUIRED) {
            if (query.count(name) != 1 || query.first(name).isEmpty()) {
                throw malformed("Query-string authentication version 4 requires the X-Amz-Algorithm, "
                        + "X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires "
                        + "parameters.");
            }
        }
        checkAlgorithm(query.first(AuthStyle.ALGORITHM_PARAMETER));
        if (query.contains("X-Amz-Security-Token")) {
            throw HeaderAuthenticator.invalidToken();
        }
        HeaderAuthenticator.rejectSessionToken(request);
        Instant time = AmzDate.parseIsoBasic(query.first("X-Amz-Date"));
        if (time == null) {
            throw malformed("X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"");
        }
        long expires = parseExpires(query.first("X-Amz-Expires"));
        String timestamp = AmzDate.isoBasic(time);
        CredentialScope credential = CredentialScope.parse(query.first("X-Amz-Credential"), timestamp.substring(0, 8),
                settings.expectedRegion(), AuthSource.QUERY);
        checkValidity(time, expires);
        PayloadDeclaration payload = query.contains(CONTENT_SHA256)
                ? PayloadDeclaration.parse(query.first(CONTENT_SHA256), CONTENT_SHA256)
                : new PayloadDeclaration(PayloadMode.UNSIGNED_PAYLOAD, PayloadMode.UNSIGNED_PAYLOAD.headerValue());
        if (payload.mode().awsChunked()) {
            throw new S3AuthException(S3ErrorCode.InvalidArgument,
                    "Streaming payloads cannot be presigned", Map.of("ArgumentName", CONTENT_SHA256));
        }
        List<String> signedHeaders = SignedHeaders.parse(query.first("X-Amz-SignedHeaders"), AuthSource.QUERY);
        SignedHeaders.checkRequired(signedHeaders, request, AuthSource.QUERY);

        signatureCheck.verify(request, query, new SignatureCheck.Input(
                credential, time, signedHeaders, payload.value(), query.first(SIGNATURE), SIGNATURE));
        return new VerifiedRequest(credential.accessKeyId(), credential.region(), time, payload.mode(),
                payload.sha256Hex(), null, true);
    }

    private static void checkAlgorithm(String algorithm) {
        if (algorithm.equals(AuthorizationHeader.ALGORITHM)) {
            return;
        }
        if (algorithm.equals(AuthorizationHeader.SIGV4A_ALGORITHM)) {
            throw new S3AuthException(S3ErrorCode.NotImplemented, "Signature Version 4A ("
                    + AuthorizationHeader.SIGV4A_ALGORITHM + ") is not implemented; use "
                    + AuthorizationHeader.ALGORITHM + ".");
        }
        throw malformed("X-Amz-Algorithm only supports \"" + AuthorizationHeader.ALGORITHM + "\"");
    }

    private static long parseExpires(String value) {
        long seconds;
        try {
            seconds = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw malformed("X-Amz-Expires should be a number");
        }
        if (seconds < 0) {
            throw malformed("X-Amz-Expires must be non-negative");
        }
        if (seconds == 0) {
            throw malformed("X-Amz-Expires must be at least 1 second");
        }
        if (seconds > MAX_EXPIRES_SECONDS) {
            throw malformed("X-Amz-Expires must be less than a week (in seconds) that is " + MAX_EXPIRES_SECONDS);
        }
        return seconds;
    }

    /** Valid from {@code time - maxClockSkew} (clients' clocks drift) to {@code time + expires}. */
    private void checkValidity(Instant time, long expires) {
        Instant now = clock.instant();
        if (time.minus(settings.maxClockSkew()).isAfter(now)) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("X-Amz-Date", AmzDate.isoBasic(time));
            details.put("ServerTime", now.toString());
            throw new S3AuthException(S3ErrorCode.AccessDenied, "Request is not valid yet", details);
        }
        Instant expiry = time.plusSeconds(expires);
        if (now.isAfter(expiry)) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("X-Amz-Expires", Long.toString(expires));
            details.put("Expires", expiry.toString());
            details.put("ServerTime", now.toString());
            throw new S3AuthException(S3ErrorCode.AccessDenied, "Request has expired", details);
        }
    }

    private static S3AuthException malformed(String message) {
        return AuthSource.QUERY.malformed(message);
    }
}
