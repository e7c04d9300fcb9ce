package dev.cairn.gateway.oap;

import dev.cairn.gateway.http.HttpResult;
import dev.cairn.gateway.http.ResponseBody;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An RFC 9457 problem detail: {@code application/problem+json} with {@code type}, {@code title},
 * {@code status} and {@code detail}, plus response headers the status needs (Allow,
 * WWW-Authenticate, Retry-After, Content-Range). The detail is written for clients: it never
 * carries a stack trace, an exception message from a store, or a token.
 */
record Problem(int status, String slug, String title, String detail, List<Map.Entry<String, String>> headers, String requestId) {
    static final String TYPE_BASE = "https://cairn.dev/problems/";
    static final String MEDIA_TYPE = "application/problem+json";

    Problem {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(detail, "detail");
        headers = List.copyOf(headers);
    }

    static Problem of(int status, String slug, String title, String detail) {
        return new Problem(status, slug, title, detail, List.of(), null);
    }

    /** A copy with one more response header. */
    Problem withHeader(String name, String value) {
        List<Map.Entry<String, String>> h = new ArrayList<>(headers);
        h.add(Map.entry(name, value));
        return new Problem(status, slug, title, detail, h, requestId);
    }

    /** A copy that names the request in its body, so a client can quote it to an operator. */
    Problem withRequestId(String id) {
        return new Problem(status, slug, title, detail, headers, id);
    }

    String type() {
        return TYPE_BASE + slug;
    }

    String toJson() {
        StringBuilder sb = new StringBuilder(160)
                .append("{\"type\":").append(Json.string(type()))
                .append(",\"title\":").append(Json.string(title))
                .append(",\"status\":").append(status)
                .append(",\"detail\":").append(Json.string(detail));
        if (requestId != null) {
            sb.append(",\"requestId\":").append(Json.string(requestId));
        }
        return sb.append('}').toString();
    }

    /** The HTTP response; {@code withBody} is false for HEAD, which gets the same headers and no body. */
    HttpResult toResult(boolean withBody) {
        byte[] json = toJson().getBytes(StandardCharsets.UTF_8);
        HttpResult.Builder b = HttpResult.status(status);
        for (Map.Entry<String, String> h : headers) {
            b.header(h.getKey(), h.getValue());
        }
        b.header("Content-Type", MEDIA_TYPE).header("Content-Length", Long.toString(json.length))
                .header("Cache-Control", "no-store");
        if (withBody) {
            b.body(ResponseBody.of(json));
        }
        return b.build();
    }
}
