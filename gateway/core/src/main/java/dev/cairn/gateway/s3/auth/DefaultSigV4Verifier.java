package dev.cairn.gateway.s3.auth;

import dev.cairn.gateway.s3.error.S3ErrorCode;
import java.time.Clock;

/** Sends each request to the header or presigned flow, which share one signature check. */
final class DefaultSigV4Verifier implements SigV4Verifier {
    private final HeaderAuthenticator header;
    private final PresignedAuthenticator presigned;
    private final SigV2Authenticator v2;

    DefaultSigV4Verifier(CredentialsLookup credentials, SigV4Settings settings, Clock clock) {
        SignatureCheck check = new SignatureCheck(credentials, new SigningKeyCache(settings.signingKeyCacheSize()));
        this.header = new HeaderAuthenticator(settings, clock, check);
        this.presigned = new PresignedAuthenticator(settings, clock, check);
        this.v2 = new SigV2Authenticator(credentials, settings, clock);
    }

    @Override
    public VerifiedRequest verify(SignedRequestView request, String virtualHostBucket) {
        QueryParameters query = QueryParameters.parse(request.rawQuery());
        switch (AuthStyle.detect(request, query)) {
            case HEADER:
                return header.verify(request, query);
            case PRESIGNED:
                return presigned.verify(request, query);
            case HEADER_V2:
                return v2.verifyHeader(request, query, virtualHostBucket);
            case PRESIGNED_V2:
                return v2.verifyQuery(request, query, virtualHostBucket);
            case ANONYMOUS:
            default:
                throw new S3AuthException(S3ErrorCode.AccessDenied, "Access Denied: the request is not signed");
        }
    }
}
