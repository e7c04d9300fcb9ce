package dev.cairn.gateway.s3.auth;

/**
 * The S3 error codes that authentication can produce, each with the HTTP status S3 answers it
 * with. The error renderer writes {@link #code()} into {@code <Error><Code>}.
 */
public enum S3AuthError {
    /** 403: expired or not-yet-valid presigned URL, missing date, unsigned {@code x-amz-*} headers. */
    ACCESS_DENIED("AccessDenied", 403),
    /** 403: the signature the client sent is not the one computed with its key. */
    SIGNATURE_DOES_NOT_MATCH("SignatureDoesNotMatch", 403),
    /** 403: no secret is known for the access key id. */
    INVALID_ACCESS_KEY_ID("InvalidAccessKeyId", 403),
    /** 403: a header-signed request is too far from the server clock. */
    REQUEST_TIME_TOO_SKEWED("RequestTimeTooSkewed", 403),
    /** 400: the {@code Authorization} header cannot be parsed or its scope is wrong. */
    AUTHORIZATION_HEADER_MALFORMED("AuthorizationHeaderMalformed", 400),
    /** 400: the presigned-URL parameters cannot be parsed or are out of bounds. */
    AUTHORIZATION_QUERY_PARAMETERS_ERROR("AuthorizationQueryParametersError", 400),
    /** 400: an argument (header or parameter) has a value S3 does not accept. */
    INVALID_ARGUMENT("InvalidArgument", 400),
    /** 400: the request is not valid as a whole (missing content hash, unsupported mechanism). */
    INVALID_REQUEST("InvalidRequest", 400),
    /** 400: a session token was sent; this gateway issues none. */
    INVALID_TOKEN("InvalidToken", 400),
    /** 501: a recognised mechanism this gateway does not implement (SigV4a). */
    NOT_IMPLEMENTED("NotImplemented", 501);

    private final String code;
    private final int httpStatus;

    S3AuthError(String code, int httpStatus) {
        this.code = code;
        this.httpStatus = httpStatus;
    }

    /** The S3 error code, e.g. {@code SignatureDoesNotMatch}. */
    public String code() {
        return code;
    }

    /** The HTTP status S3 answers this error with. */
    public int httpStatus() {
        return httpStatus;
    }
}
