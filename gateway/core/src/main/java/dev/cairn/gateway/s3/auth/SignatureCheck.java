package dev.cairn.gateway.s3.auth;

import dev.cairn.gateway.s3.error.S3ErrorCode;
import dev.cairn.blob.digest.Hex;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last step shared by header and presigned authentication: look up the secret, compute the
 * signature over the canonical request, and compare it in constant time. Each canonical path
 * of {@link CanonicalRequest#pathCandidates} is tried, the spec's form first; an error reports
 * that first form.
 */
final class SignatureCheck {

    /** Everything the signature covers besides the request itself. */
    record Input(CredentialScope credential, Instant time, List<String> signedHeaders, String payloadHash,
            String providedSignature, String excludedQueryParameter) {
    }

    /** A verified signature: its key and value seed the chunk chain of streaming uploads. */
    record Result(byte[] signingKey, String timestamp, String signature) {
    }

    private final CredentialsLookup credentials;
    private final SigningKeyCache signingKeys;

    SignatureCheck(CredentialsLookup credentials, SigningKeyCache signingKeys) {
        this.credentials = credentials;
        this.signingKeys = signingKeys;
    }

    /**
     * @throws S3AuthException {@code InvalidAccessKeyId} for an unknown key,
     *     {@code SignatureDoesNotMatch} (with the client-side string to sign and canonical
     *     request, which hold no secret) for a wrong signature
     */
    Result verify(SignedRequestView request, QueryParameters query, Input input) {
        String accessKeyId = input.credential().accessKeyId();
        String secret = credentials.secretKeyFor(accessKeyId);
        if (secret == null) {
            throw new S3AuthException(S3ErrorCode.InvalidAccessKeyId,
                    "The AWS Access Key Id you provided does not exist in our records.",
                    Map.of("AWSAccessKeyId", accessKeyId));
        }
        String timestamp = AmzDate.isoBasic(input.time());
        byte[] signingKey = signingKeys.signingKey(secret, input.credential().date(), input.credential().region());
        String firstCanonicalRequest = null;
        String firstStringToSign = null;
        for (String path : CanonicalRequest.pathCandidates(request.rawPath())) {
            String canonicalRequest = CanonicalRequest.build(request, path, query, input.signedHeaders(),
                    input.payloadHash(), input.excludedQueryParameter());
            String stringToSign = AuthorizationHeader.ALGORITHM + '\n' + timestamp + '\n'
                    + input.credential().scope() + '\n' + Crypto.sha256Hex(canonicalRequest);
            String expected = Hex.encode(Crypto.hmac(signingKey, stringToSign));
            if (Crypto.signaturesEqual(expected, input.providedSignature())) {
                return new Result(signingKey, timestamp, expected);
            }
            if (firstCanonicalRequest == null) {
                firstCanonicalRequest = canonicalRequest;
                firstStringToSign = stringToSign;
            }
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("AWSAccessKeyId", accessKeyId);
        details.put("StringToSign", firstStringToSign);
        details.put("SignatureProvided", input.providedSignature());
        details.put("CanonicalRequest", firstCanonicalRequest);
        throw new S3AuthException(S3ErrorCode.SignatureDoesNotMatch,
                "The request signature we calculated does not match the signature you provided. "
                        + "Check your key and signing method.",
                details);
    }
}
