package dev.cairn.server.observe;

import java.util.Locale;

/**
 * The fixed, low-cardinality {@code route} label of request metrics and access-log lines, derived
 * from method and path. Raw paths never become labels. The label values are public API.
 */
public enum Route {
    OAP_PUT,
    OAP_GET,
    OAP_HEAD,
    HEALTHZ,
    READYZ,
    METRICS,
    /** S3 (every path outside the fixed routes) by method: GET, including listings. */
    S3_GET,
    S3_HEAD,
    /** PUT: objects, buckets, copies, parts. */
    S3_PUT,
    /** POST: DeleteObjects, multipart create/complete. */
    S3_POST,
    S3_DELETE,
    /** S3 paths with any other method. */
    S3_OTHER,
    /** A fixed route with a method it does not serve. */
    OTHER;

    private final String label = name().toLowerCase(Locale.ROOT);

    public String label() {
        return label;
    }

    /** @param rawPath the undecoded request path */
    public static Route classify(String method, String rawPath) {
        String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        boolean read = method.equals("GET") || method.equals("HEAD");
        switch (path) {
            case "/healthz":
                return read ? HEALTHZ : OTHER;
            case "/readyz":
                return read ? READYZ : OTHER;
            case "/metrics":
                return read ? METRICS : OTHER;
            case "/put":
                return method.equals("PUT") || method.equals("POST") ? OAP_PUT : OTHER;
            case "/o":
                return method.equals("POST") ? OAP_PUT : OTHER;
            default:
                break;
        }
        if (path.startsWith("/o/")) {
            return switch (method) {
                case "GET" -> OAP_GET;
                case "HEAD" -> OAP_HEAD;
                case "PUT" -> OAP_PUT;
                default -> OTHER;
            };
        }
        return switch (method) {
            case "GET" -> S3_GET;
            case "HEAD" -> S3_HEAD;
            case "PUT" -> S3_PUT;
            case "POST" -> S3_POST;
            case "DELETE" -> S3_DELETE;
            default -> S3_OTHER;
        };
    }
}
