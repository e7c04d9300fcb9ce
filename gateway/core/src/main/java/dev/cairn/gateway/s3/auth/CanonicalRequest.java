package dev.cairn.gateway.s3.auth;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds the SigV4 canonical request the S3 way: the path is neither normalised nor
 * double-encoded, so {@code a//b} and {@code ../x} are signed as sent.
 *
 * <p>Two canonical paths are possible for one raw path. The spec's form decodes each segment
 * and encodes it again ({@code /test$file.text} becomes {@code /test%24file.text}); signers
 * that skip double encoding for S3 (the AWS SDKs) sign the path verbatim as they encoded it
 * ({@code /b/%2E%2E/x}). {@link #pathCandidates} yields both; since both decode to the same
 * key, accepting either cannot let a signature for one object act on another.
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
    static String build(SignedRequestView request, String canonicalPath, QueryParameters query,
            List<String> signedHeaders, String payloadHash, String excludedQueryParameter) {
        return request.method() + '\n'
                + canonicalPath + '\n'
                + query.canonical(excludedQueryParameter) + '\n'
                + canonicalHeaders(request, signedHeaders) + '\n'
                + String.join(";", signedHeaders) + '\n'
                + payloadHash;
    }

    /**
     * The canonical paths to try, most likely first: the spec's form, then the raw path
     * verbatim when it differs.
     */
    static List<String> pathCandidates(String rawPath) {
        String canonical = canonicalPath(rawPath);
        return canonical.equals(rawPath) ? List.of(canonical) : List.of(canonical, rawPath);
    }

    /**
     * Splits the raw path at its literal {@code /}, decodes each segment and encodes every byte
     * except unreserved characters: {@code /test$file.text} and {@code /test%24file.text} both
     * become {@code /test%24file.text}, and an encoded slash inside a key stays {@code %2F}.
     */
    static String canonicalPath(String rawPath) {
        if (rawPath.isEmpty()) {
            return "/";
        }
        return Arrays.stream(rawPath.split("/", -1))
                .map(segment -> UriEncoding.encode(UriEncoding.decode(segment, false), false))
                .collect(Collectors.joining("/"));
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
