package dev.cairn.server.observe;

import org.eclipse.jetty.server.Request;

/**
 * Request ids: 16 upper-case hex digits (the shape of S3's {@code x-amz-request-id}), assigned by
 * {@link RequestObserver} before any resource runs and stored as a request attribute so that
 * resources and exception mappers can log and return the same id.
 */
public final class RequestIds {
    /** The Jetty request attribute holding the id. */
    public static final String ATTRIBUTE = "cairn.request-id";

    private RequestIds() {
    }

    static String next() {
        return dev.cairn.gateway.http.RequestIds.next();
    }

    /** The id of {@code request}, or {@code "-"} when it did not pass through the observer. */
    public static String of(Request request) {
        Object id = request == null ? null : request.getAttribute(ATTRIBUTE);
        return id == null ? "-" : id.toString();
    }
}
