package dev.cairn.gateway.s3.auth;

import dev.cairn.gateway.s3.error.S3ErrorCode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Which authentication a request carries. */
public enum AuthStyle {
    /** No (or an empty) {@code Authorization} header and no {@code X-Amz-Algorithm} parameter. */
    ANONYMOUS,
    /** An {@code Authorization} header. */
    HEADER,
    /** Query parameters of a presigned URL ({@code X-Amz-Algorithm} and friends). */
    PRESIGNED,
    /** A SigV2 {@code Authorization: AWS <key>:<signature>} header. */
    HEADER_V2,
    /** A SigV2 presigned URL ({@code AWSAccessKeyId}, {@code Expires}, {@code Signature}). */
    PRESIGNED_V2;

    static final String ALGORITHM_PARAMETER = "X-Amz-Algorithm";

    /**
     * Tells how a request is authenticated.
     *
     * @throws S3AuthException {@link S3ErrorCode#InvalidArgument} when the request carries both
     *     an {@code Authorization} header and presigned parameters (S3 allows one mechanism);
     *     (a SigV2 presigned URL, {@code AWSAccessKeyId} + {@code Signature}, is
     *     {@link #PRESIGNED_V2}, never mistaken for an anonymous request)
     */
    public static AuthStyle detect(SignedRequestView request) {
        return detect(request, QueryParameters.parse(request.rawQuery()));
    }

    static AuthStyle detect(SignedRequestView request, QueryParameters query) {
        // An empty Authorization header authenticates nobody: S3 treats it as absent (AccessDenied).
        boolean header = request.headerValues("Authorization").stream().anyMatch(v -> !v.isBlank());
        boolean presignedV4 = query.contains(ALGORITHM_PARAMETER);
        boolean presignedV2 = query.contains("Signature") && query.contains("AWSAccessKeyId");
        if (header && (presignedV4 || presignedV2)) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("ArgumentName", "Authorization");
            throw new S3AuthException(S3ErrorCode.InvalidArgument,
                    "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query "
                            + "string parameter or the Authorization header should be specified",
                    details);
        }
        if (header) {
            String value = request.headerValues("Authorization").get(0).trim();
            return value.startsWith("AWS ") ? HEADER_V2 : HEADER;
        }
        if (presignedV4) {
            return PRESIGNED;
        }
        if (presignedV2) {
            return PRESIGNED_V2;
        }
        return ANONYMOUS;
    }
}
