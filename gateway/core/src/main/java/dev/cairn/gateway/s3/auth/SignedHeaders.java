package dev.cairn.gateway.s3.auth;

import dev.cairn.gateway.s3.error.S3ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The {@code SignedHeaders} list and the rules S3 puts on it.
 *
 * <p>Rules enforced, for header and presigned authentication alike:
 * <ol>
 *   <li>{@code host} must be signed: it binds the signature to this endpoint and bucket
 *       (virtual-hosted style). Otherwise {@code AccessDenied}, {@code HeadersNotSigned: host}.
 *   <li>For header authentication, {@code x-amz-content-sha256} must be signed: it carries the
 *       payload hash. Otherwise {@code InvalidRequest} "header 'x-amz-content-sha256' must be
 *       included in signature", as S3 answers.
 *   <li>Every other {@code x-amz-*} header present must be signed ({@code x-amz-date},
 *       {@code x-amz-storage-class}, {@code x-amz-meta-*}, {@code x-amz-acl}, ...): they change
 *       what the request does, so an unsigned one could be added by anyone in the path.
 *       Otherwise {@code AccessDenied} "There were headers present in the request which were
 *       not signed" with {@code HeadersNotSigned} listing them, as S3 answers.
 * </ol>
 * Other headers ({@code content-type}, {@code content-md5}, {@code range}, ...) are checked
 * only when the client chose to sign them. Names are read case-insensitively and used
 * lower-cased and sorted, as the canonical request requires.
 */
final class SignedHeaders {
    private static final String CONTENT_SHA256 = "x-amz-content-sha256";

    private SignedHeaders() {
    }

    /**
     * Splits a {@code ;}-separated list into lower-case sorted names.
     *
     * @throws S3AuthException malformed (per {@code source}) for an empty or blank name
     */
    static List<String> parse(String list, AuthSource source) {
        TreeSet<String> names = new TreeSet<>();
        for (String name : list.split(";", -1)) {
            String trimmed = name.strip();
            if (trimmed.isEmpty()) {
                throw source == AuthSource.HEADER
                        ? source.malformed("The authorization header is malformed; SignedHeaders contains an empty name.")
                        : source.malformed("X-Amz-SignedHeaders contains an empty name.");
            }
            names.add(trimmed.toLowerCase(Locale.ROOT));
        }
        return List.copyOf(names);
    }

    /**
     * Applies the rules in the class comment.
     *
     * @throws S3AuthException {@code AccessDenied} or {@code InvalidRequest} as described above
     */
    static void checkRequired(List<String> signed, SignedRequestView request, AuthSource source) {
        if (source == AuthSource.HEADER && !signed.contains(CONTENT_SHA256) && request.header(CONTENT_SHA256) != null) {
            throw new S3AuthException(S3ErrorCode.InvalidRequest,
                    "header '" + CONTENT_SHA256 + "' must be included in signature");
        }
        List<String> unsigned = new ArrayList<>();
        if (!signed.contains("host")) {
            unsigned.add("host");
        }
        for (String name : request.headers().keySet()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("x-amz-") && !signed.contains(lower)) {
                unsigned.add(lower);
            }
        }
        if (!unsigned.isEmpty()) {
            throw new S3AuthException(S3ErrorCode.AccessDenied,
                    "There were headers present in the request which were not signed",
                    Map.of("HeadersNotSigned", String.join(", ", unsigned)));
        }
    }
}
