package dev.cairn.gateway.http;

import java.io.InputStream;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One HTTP request as the protocol layer sees it, independent of any server framework.
 *
 * <p>The body is supplied lazily: a handler that rejects the request from its headers (a
 * Content-Length over a cap, a missing token) never touches it, so the server neither reads
 * the body nor sends {@code 100 Continue}.
 */
public final class HttpCall {
    /** Marker for a body whose length the client did not declare (chunked). */
    public static final long UNKNOWN_LENGTH = -1;

    private final String method;
    private final String rawPath;
    private final String rawQuery;
    private final Headers headers;
    private final Supplier<InputStream> body;
    private final long contentLength;
    private final String requestId;

    /**
     * @param method the request method; upper-cased here
     * @param rawPath the path as sent, still percent-encoded, starting with {@code /}
     * @param headers the request header fields
     * @param body opens the request body; called at most once, and only when the handler reads it
     * @param contentLength the declared Content-Length, or {@link #UNKNOWN_LENGTH}
     * @param requestId an identifier for logs and error responses; generated when null
     */
    public HttpCall(String method, String rawPath, Headers headers, Supplier<InputStream> body, long contentLength, String requestId) {
        this(method, rawPath, null, headers, body, contentLength, requestId);
    }

    /**
     * As the other constructor, with the query string as sent (without {@code ?}, still
     * percent-encoded), which S3 routing and signature checks need verbatim.
     *
     * @param rawQuery the raw query, or null when the request had none
     */
    public HttpCall(String method, String rawPath, String rawQuery, Headers headers, Supplier<InputStream> body, long contentLength,
            String requestId) {
        this.rawQuery = rawQuery;
        this.method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
        this.rawPath = Objects.requireNonNull(rawPath, "rawPath");
        this.headers = Objects.requireNonNull(headers, "headers");
        this.body = Objects.requireNonNull(body, "body");
        if (contentLength < UNKNOWN_LENGTH) {
            throw new IllegalArgumentException("contentLength must be >= 0 or UNKNOWN_LENGTH");
        }
        this.contentLength = contentLength;
        this.requestId = requestId == null || requestId.isEmpty() ? RequestIds.next() : requestId;
    }

    public String method() {
        return method;
    }

    public String rawPath() {
        return rawPath;
    }

    /** The query string as sent, without {@code ?}, or null when there was none. */
    public String rawQuery() {
        return rawQuery;
    }

    public Headers headers() {
        return headers;
    }

    /** Opens the body. Reading it may block on the network and throw {@link java.io.IOException}. */
    public InputStream body() {
        return Objects.requireNonNull(body.get(), "body supplier returned null");
    }

    /** The declared Content-Length, or {@link #UNKNOWN_LENGTH}. */
    public long contentLength() {
        return contentLength;
    }

    public String requestId() {
        return requestId;
    }
}
