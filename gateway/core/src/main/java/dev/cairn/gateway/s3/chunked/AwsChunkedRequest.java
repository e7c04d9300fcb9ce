package dev.cairn.gateway.s3.chunked;

import dev.cairn.gateway.s3.error.S3ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the request headers say about an aws-chunked body: the mode, the decoded length, and the
 * trailer headers announced in {@code x-amz-trailer}.
 *
 * @param mode the variant
 * @param decodedContentLength the value of {@code x-amz-decoded-content-length}
 * @param announcedTrailers lowercase trailer names from {@code x-amz-trailer}; empty for {@link AwsChunkedMode#SIGNED}
 */
public record AwsChunkedRequest(AwsChunkedMode mode, long decodedContentLength, List<String> announcedTrailers) {
    static final String CONTENT_SHA256 = "x-amz-content-sha256";
    static final String DECODED_CONTENT_LENGTH = "x-amz-decoded-content-length";
    static final String TRAILER = "x-amz-trailer";

    public AwsChunkedRequest {
        Objects.requireNonNull(mode, "mode");
        if (decodedContentLength < 0) {
            throw new IllegalArgumentException("decodedContentLength must not be negative");
        }
        announcedTrailers = List.copyOf(announcedTrailers);
        if (!mode.hasTrailer() && !announcedTrailers.isEmpty()) {
            throw new IllegalArgumentException(mode + " has no trailer");
        }
    }

    /**
     * Reads the aws-chunked parameters from the request headers.
     *
     * @return empty when {@code x-amz-content-sha256} does not select an aws-chunked body
     * @throws S3RequestException {@code NotImplemented} for the ECDSA (SigV4A) streaming modes;
     *         {@code MissingContentLength} without {@code x-amz-decoded-content-length};
     *         {@code InvalidRequest} for a malformed decoded length, or an {@code x-amz-trailer}
     *         the mode does not allow or that names a header twice
     */
    public static Optional<AwsChunkedRequest> fromHeaders(HeaderSource headers) throws S3RequestException {
        String sha = single(headers, CONTENT_SHA256);
        if (sha == null || !sha.startsWith("STREAMING-")) {
            return Optional.empty();
        }
        AwsChunkedMode mode = AwsChunkedMode.forContentSha256(sha);
        if (mode == null) {
            if (sha.startsWith("STREAMING-AWS4-ECDSA-P256-SHA256-")) {
                throw new S3RequestException(S3ErrorCode.NotImplemented, "SigV4A streaming uploads are not supported.");
            }
            throw new S3RequestException(S3ErrorCode.InvalidRequest, "Unsupported x-amz-content-sha256 value: " + sha);
        }
        String length = single(headers, DECODED_CONTENT_LENGTH);
        if (length == null) {
            throw new S3RequestException(S3ErrorCode.MissingContentLength,
                    "You must provide the x-amz-decoded-content-length header with an aws-chunked body.");
        }
        long decoded = parseLength(length);
        List<String> trailers = announcedTrailers(headers);
        if (!mode.hasTrailer() && !trailers.isEmpty()) {
            throw new S3RequestException(S3ErrorCode.InvalidRequest,
                    "x-amz-trailer is not allowed with x-amz-content-sha256 " + sha + ".");
        }
        return Optional.of(new AwsChunkedRequest(mode, decoded, trailers));
    }

    /**
     * The {@code Content-Encoding} to store with the object: the header without its
     * {@code aws-chunked} coding, which describes the transfer only, as S3 does. Every other coding
     * is kept in its order; a header without {@code aws-chunked} is kept exactly as sent, and
     * one that loses it is re-joined with {@code ", "}, the list form of RFC 9110.
     *
     * @return empty when nothing remains
     */
    public static Optional<String> storedContentEncoding(String contentEncoding) {
        if (contentEncoding == null) {
            return Optional.empty();
        }
        List<String> kept = new ArrayList<>();
        boolean removed = false;
        for (String coding : contentEncoding.split(",")) {
            String c = coding.trim();
            if (c.equalsIgnoreCase("aws-chunked")) {
                removed = true;
            } else if (!c.isEmpty()) {
                kept.add(c);
            }
        }
        if (!removed) {
            String v = contentEncoding.trim();
            return v.isEmpty() ? Optional.empty() : Optional.of(v);
        }
        return kept.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", kept));
    }

    /** Lowercase names from every {@code x-amz-trailer} header (comma-separated lists allowed). */
    static List<String> announcedTrailers(HeaderSource headers) throws S3RequestException {
        List<String> names = new ArrayList<>();
        for (String value : headers.all(TRAILER)) {
            for (String part : value.split(",")) {
                String name = part.trim().toLowerCase(Locale.ROOT);
                if (name.isEmpty()) {
                    continue;
                }
                if (names.contains(name)) {
                    throw new S3RequestException(S3ErrorCode.InvalidRequest, "x-amz-trailer names " + name + " twice.");
                }
                names.add(name);
            }
        }
        return names;
    }

    static String single(HeaderSource headers, String name) throws S3RequestException {
        List<String> values = headers.all(name);
        if (values.size() > 1) {
            throw new S3RequestException(S3ErrorCode.InvalidRequest, "The " + name + " header must not be repeated.");
        }
        return values.isEmpty() ? null : values.get(0).trim();
    }

    private static long parseLength(String value) throws S3RequestException {
        // Digits only: Long.parseLong alone would accept a sign.
        boolean digits = !value.isEmpty() && value.length() <= 18 && value.chars().allMatch(c -> c >= '0' && c <= '9');
        if (!digits) {
            throw new S3RequestException(S3ErrorCode.InvalidRequest,
                    "Value for x-amz-decoded-content-length header is invalid.");
        }
        return Long.parseLong(value);
    }
}
