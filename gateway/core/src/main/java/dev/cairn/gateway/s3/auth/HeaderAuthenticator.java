package dev.cairn.gateway.s3.auth;

import dev.cairn.gateway.s3.error.S3ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Verifies {@code Authorization: AWS4-HMAC-SHA256 ...} requests. */
final class HeaderAuthenticator {
    private final SigV4Settings settings;
    private final Clock clock;
    private final SignatureCheck signatureCheck;

    HeaderAuthenticator(SigV4Settings settings, Clock clock, SignatureCheck signatureCheck) {
        this.settings = settings;
        this.clock = clock;
        this.signatureCheck = signatureCheck;
    }

    VerifiedRequest verify(SignedRequestView request, QueryParameters query) {
        AuthorizationHeader authorization = AuthorizationHeader.parse(request.headerValues("Authorization"));
        rejectSessionToken(request);
        String amzDate = request.header("x-amz-date");
        Instant time = amzDate != null ? AmzDate.parseIsoBasic(amzDate.strip()) : AmzDate.parseHttpDate(request.header("Date"));
        if (time == null) {
            throw new S3AuthException(S3ErrorCode.AccessDenied,
                    "AWS authentication requires a valid Date or x-amz-date header");
        }
        String timestamp = AmzDate.isoBasic(time);
        CredentialScope credential = CredentialScope.parse(authorization.credential(), timestamp.substring(0, 8),
                settings.expectedRegion(), AuthSource.HEADER);
        checkSkew(time, amzDate != null ? amzDate : request.header("Date"));
        PayloadDeclaration payload = PayloadDeclaration.parse(request.header(PayloadDeclaration.HEADER),
                PayloadDeclaration.HEADER);
        List<String> signedHeaders = SignedHeaders.parse(authorization.signedHeaders(), AuthSource.HEADER);
        SignedHeaders.checkRequired(signedHeaders, request, AuthSource.HEADER);

        SignatureCheck.Result result = signatureCheck.verify(request, query, new SignatureCheck.Input(
                credential, time, signedHeaders, payload.value(), authorization.signature(), null));
        ChunkSignatureVerifier chain = payload.mode().chunksSigned()
                ? new StreamingSignatureChain(result.signingKey(), result.timestamp(), credential.scope(),
                        result.signature(), payload.mode().hasTrailer())
                : null;
        return new VerifiedRequest(credential.accessKeyId(), credential.region(), time, payload.mode(),
                payload.sha256Hex(), chain, false);
    }

    private void checkSkew(Instant time, String sentTime) {
        Instant now = clock.instant();
        Duration skew = Duration.between(time, now).abs();
        if (skew.compareTo(settings.maxClockSkew()) > 0) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("RequestTime", sentTime);
            details.put("ServerTime", now.toString());
            details.put("MaxAllowedSkewMilliseconds", Long.toString(settings.maxClockSkew().toMillis()));
            throw new S3AuthException(S3ErrorCode.RequestTimeTooSkewed,
                    "The difference between the request time and the current time is too large.", details);
        }
    }

    /** This gateway issues no temporary credentials, so any session token is invalid. */
    static void rejectSessionToken(SignedRequestView request) {
        if (request.header("x-amz-security-token") != null) {
            throw invalidToken();
        }
    }

    static S3AuthException invalidToken() {
        return new S3AuthException(S3ErrorCode.InvalidToken,
                "The provided token is malformed or otherwise invalid.");
    }
}
