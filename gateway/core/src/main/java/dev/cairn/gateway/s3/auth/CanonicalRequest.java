package dev.cairn.gateway.s3.auth;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds the SigV4 canonical request the S3 way: the path is neither normalised nor
 * double-encoded, so {@code a//b} and {@code ../x} are signed as sent.
 */
final class CanonicalRequest {

    private CanonicalRequest() {
    }

    /**
     * {@code method \n path \n query \n headers \n signed-headers \n payload-hash}.
     *
     * @param signedHeaders lower-case, sorted names
     * @param excludedQueryParameter the parameter left out of the query (presigned
     *     {@code X-Amz-Signature}), or null
     */
    static String build(SignedRequestView request, QueryParameters query, List<String> signedHeaders,
            String payloadHash, String excludedQueryParameter) {
        return request.method() + '\n'
                + canonicalPath(request.rawPath()) + '\n'
                + query.canonical(excludedQueryParameter) + '\n'
                + canonicalHeaders(request, signedHeaders) + '\n'
                + String.join(";", signedHeaders) + '\n'
                + payloadHash;
    }

    /**
     * Decodes the raw path, then encodes every byte except unreserved characters and {@code /}:
     * {@code /test$file.text} and {@code /test%24file.text} both become {@code /test%24file.text}.
     */
    static String canonicalPath(String rawPath) {
        String encoded = UriEncoding.encode(UriEncoding.decode(rawPath, false), true);
        return encoded.isEmpty() ? "/" : encoded;
    }

    /** One {@code name:value\n} line per signed header; absent headers sign as empty. */
    static String canonicalHeaders(SignedRequestView request, List<String> signedHeaders) {
        StringBuilder sb = new StringBuilder();
        for (String name : signedHeaders) {
            sb.append(name).append(':').append(canonicalValue(request.headerValues(name))).append('\n');
        }
        return sb.toString();
    }

    /** Each value trimmed with inner runs of spaces collapsed; several values joined by commas. */
    static String canonicalValue(List<String> values) {
        return values.stream().map(CanonicalRequest::trimAll).collect(Collectors.joining(","));
    }

    private static String trimAll(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        boolean pendingSpace = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ' || c == '\t') {
                pendingSpace = sb.length() > 0;
            } else {
                if (pendingSpace) {
                    sb.append(' ');
                    pendingSpace = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
