package dev.cairn.gateway.s3.auth;

import dev.cairn.gateway.s3.error.S3ErrorCode;
import java.time.Clock;

/** Sends each request to the header or presigned flow, which share one signature check. */
final class DefaultSigV4Verifier implements SigV4Verifier {
    private final HeaderAuthenticator header;
    private final PresignedAuthenticator presigned;

    DefaultSigV4Verifier(CredentialsLookup credentials, SigV4Settings settings, Clock clock) {
        SignatureCheck check = new SignatureCheck(credentials, new SigningKeyCache(settings.signingKeyCacheSize()));
        this.header = new HeaderAuthenticator(settings, clock, check);
        this.presigned = new PresignedAuthenticator(settings, clock, check);
    }

    @Override
    public VerifiedRequest verify(SignedRequestView request) {
        QueryParameters query = QueryParameters.parse(request.rawQuery());
        switch (AuthStyle.detect(request, query)) {
            case HEADER:
                return header.verify(request, query);
            case PRESIGNED:
                return presigned.verify(request, query);
            case ANONYMOUS:
            default:
                throw new S3AuthException(S3ErrorCode.AccessDenied, "Access Denied: the request is not signed");
        }
    }
}
