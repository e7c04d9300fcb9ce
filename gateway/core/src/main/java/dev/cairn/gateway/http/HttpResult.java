package dev.cairn.gateway.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The response to an {@link HttpCall}: a status, header fields in order, and an optional
 * streaming body. Header values never contain CR or LF (checked here), so nothing a client
 * stored can split a response.
 */
public final class HttpResult {
    private final int status;
    private final List<Map.Entry<String, String>> headers;
    private final ResponseBody body;

    private HttpResult(int status, List<Map.Entry<String, String>> headers, ResponseBody body) {
        this.status = status;
        this.headers = List.copyOf(headers);
        this.body = body;
    }

    public static Builder status(int status) {
        return new Builder(status);
    }

    public int status() {
        return status;
    }

    /** The header fields in the order they were added. */
    public List<Map.Entry<String, String>> headers() {
        return headers;
    }

    /** The first value of a header (case-insensitive name), or null. */
    public String header(String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    /** The body, or null when the response has none (HEAD, 304, 201 without content). */
    public ResponseBody body() {
        return body;
    }

    /** Builds an {@link HttpResult}. */
    public static final class Builder {
        private final int status;
        private final List<Map.Entry<String, String>> headers = new ArrayList<>();
        private ResponseBody body;

        private Builder(int status) {
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException("status " + status);
            }
            this.status = status;
        }

        /**
         * Adds a header field.
         *
         * @throws IllegalArgumentException if the name or value holds CR, LF or NUL
         */
        public Builder header(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            requireFieldSafe(name);
            requireFieldSafe(value);
            headers.add(Map.entry(name, value));
            return this;
        }

        /** Sets the body; the caller still adds Content-Type (Content-Length comes from the body). */
        public Builder body(ResponseBody body) {
            this.body = body;
            return this;
        }

        public HttpResult build() {
            return new HttpResult(status, headers, body);
        }

        private static void requireFieldSafe(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\r' || c == '\n' || c == 0) {
                    // the value is not echoed: it may be client data destined for a log
                    throw new IllegalArgumentException("header text holds CR, LF or NUL");
                }
            }
        }
    }
}
