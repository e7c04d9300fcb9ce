package dev.cairn.gateway.s3.route;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Turns a raw S3 request line into a {@link ParsedRequest}. Pure and table-driven: rows go from
 * most to least specific and the first match wins. Any known S3 sub-resource that Cairn does not
 * implement routes to {@link S3Operation#UNSUPPORTED} before the table is consulted, so a request
 * such as {@code DELETE /bucket?versioning} can never fall through to DeleteBucket.
 */
public final class S3RequestParser {

    /** Sub-resources S3 defines that Cairn does not implement (answered with 501). */
    static final Set<String> UNSUPPORTED_SUBRESOURCES = Set.of(
            "accelerate", "acl", "analytics", "attributes", "cors", "encryption", "intelligent-tiering",
            "inventory", "legal-hold", "lifecycle", "logging", "metadataConfiguration", "metadataTable",
            "metrics", "notification", "object-lock", "ownershipControls", "policy", "policyStatus",
            "publicAccessBlock", "renameObject", "replication", "requestPayment", "restore", "retention",
            "select", "session", "tagging", "torrent", "versioning", "versions", "website");

    private static final String COPY_SOURCE = "x-amz-copy-source";

    private record Row(String method, Scope scope, List<String> params, boolean copySource, S3Operation operation) {
        boolean matches(String m, Scope s, QueryParams q, boolean hasCopySource) {
            if (!method.equals(m) || scope != s || (copySource && !hasCopySource)) {
                return false;
            }
            for (String p : params) {
                if (!q.has(p)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static Row row(String method, Scope scope, S3Operation op, String... params) {
        return new Row(method, scope, List.of(params), false, op);
    }

    private static Row copyRow(String method, Scope scope, S3Operation op, String... params) {
        return new Row(method, scope, List.of(params), true, op);
    }

    /** Most specific first. */
    private static final List<Row> TABLE = List.of(
            row("GET", Scope.SERVICE, S3Operation.LIST_BUCKETS),

            row("GET", Scope.BUCKET, S3Operation.GET_BUCKET_LOCATION, "location"),
            row("GET", Scope.BUCKET, S3Operation.LIST_MULTIPART_UPLOADS, "uploads"),
            row("GET", Scope.BUCKET, S3Operation.LIST_OBJECTS_V2, "list-type"),
            row("GET", Scope.BUCKET, S3Operation.LIST_OBJECTS),
            row("HEAD", Scope.BUCKET, S3Operation.HEAD_BUCKET),
            row("PUT", Scope.BUCKET, S3Operation.CREATE_BUCKET),
            row("DELETE", Scope.BUCKET, S3Operation.DELETE_BUCKET),
            row("POST", Scope.BUCKET, S3Operation.DELETE_OBJECTS, "delete"),

            row("GET", Scope.OBJECT, S3Operation.LIST_PARTS, "uploadId"),
            row("GET", Scope.OBJECT, S3Operation.GET_OBJECT),
            row("HEAD", Scope.OBJECT, S3Operation.HEAD_OBJECT),
            copyRow("PUT", Scope.OBJECT, S3Operation.UPLOAD_PART_COPY, "partNumber", "uploadId"),
            row("PUT", Scope.OBJECT, S3Operation.UPLOAD_PART, "partNumber", "uploadId"),
            copyRow("PUT", Scope.OBJECT, S3Operation.COPY_OBJECT),
            row("PUT", Scope.OBJECT, S3Operation.PUT_OBJECT),
            row("POST", Scope.OBJECT, S3Operation.CREATE_MULTIPART_UPLOAD, "uploads"),
            row("POST", Scope.OBJECT, S3Operation.COMPLETE_MULTIPART_UPLOAD, "uploadId"),
            row("DELETE", Scope.OBJECT, S3Operation.ABORT_MULTIPART_UPLOAD, "uploadId"),
            row("DELETE", Scope.OBJECT, S3Operation.DELETE_OBJECT));

    /** Sub-resources the table uses; a request carrying one that no row of its method accepts is not allowed. */
    private static final Set<String> ROUTED_SUBRESOURCES = Set.of("location", "uploads", "uploadId", "delete", "partNumber");

    private final String virtualHostDomain;

    /**
     * @param virtualHostDomain the domain under which {@code <bucket>.<domain>} hosts address a
     *     bucket (e.g. {@code s3.example.com}); null or empty for path-style only
     */
    public S3RequestParser(String virtualHostDomain) {
        this.virtualHostDomain = virtualHostDomain == null || virtualHostDomain.isBlank()
                ? null : virtualHostDomain.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Routes one request.
     *
     * @param method the HTTP method, upper case
     * @param host the Host header (may carry a port), or null
     * @param rawPath the path exactly as received, still percent-encoded
     * @param rawQuery the query exactly as received (without {@code ?}), or null
     * @param hasHeader tells whether a (lower-case) header is present
     * @throws MalformedRequestException for a path or query that cannot be decoded
     */
    public ParsedRequest parse(String method, String host, String rawPath, String rawQuery, Predicate<String> hasHeader) {
        QueryParams query = QueryParams.parse(rawQuery);
        String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        if (path.charAt(0) != '/') {
            throw new MalformedRequestException("InvalidURI", "Couldn't parse the specified URI.");
        }
        String bucket;
        String key;
        boolean virtual = false;
        String hostBucket = bucketFromHost(host);
        if (hostBucket != null) {
            virtual = true;
            bucket = hostBucket;
            key = path.length() > 1 ? QueryParams.decode(path.substring(1), false) : null;
        } else {
            int slash = path.indexOf('/', 1);
            String first = slash < 0 ? path.substring(1) : path.substring(1, slash);
            bucket = first.isEmpty() ? null : QueryParams.decode(first, false);
            String rest = slash < 0 ? "" : path.substring(slash + 1);
            key = bucket == null || rest.isEmpty() ? null : QueryParams.decode(rest, false);
        }
        Scope scope = bucket == null ? Scope.SERVICE : key == null ? Scope.BUCKET : Scope.OBJECT;
        S3Operation op = route(method, scope, query, hasHeader.test(COPY_SOURCE));
        return new ParsedRequest(op, bucket, key, query, virtual);
    }

    private S3Operation route(String method, Scope scope, QueryParams query, boolean hasCopySource) {
        for (String name : query.asMap().keySet()) {
            if (UNSUPPORTED_SUBRESOURCES.contains(name)) {
                return S3Operation.UNSUPPORTED;
            }
        }
        for (Row r : TABLE) {
            if (r.matches(method, scope, query, hasCopySource)) {
                if (carriesUnusedSubresource(r, query)) {
                    break;
                }
                return r.operation();
            }
        }
        boolean known = switch (method) {
            case "GET", "HEAD", "PUT", "POST", "DELETE" -> true;
            default -> false;
        };
        boolean anyRowForScope = TABLE.stream().anyMatch(r -> r.scope() == scope && r.method().equals(method));
        return known && anyRowForScope ? S3Operation.UNSUPPORTED : S3Operation.METHOD_NOT_ALLOWED;
    }

    /**
     * A general row (e.g. GET object) must not swallow a routed sub-resource meant for another
     * method (e.g. {@code GET /b/k?uploads}), which S3 does not define.
     */
    private static boolean carriesUnusedSubresource(Row r, QueryParams query) {
        for (String name : query.asMap().keySet()) {
            if (ROUTED_SUBRESOURCES.contains(name) && !r.params().contains(name)) {
                // partNumber is also a plain parameter of GET/HEAD object (part reads)
                if (name.equals("partNumber") && (r.operation() == S3Operation.GET_OBJECT || r.operation() == S3Operation.HEAD_OBJECT)) {
                    continue;
                }
                return true;
            }
        }
        return false;
    }

    private String bucketFromHost(String host) {
        if (virtualHostDomain == null || host == null || host.isEmpty()) {
            return null;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            return null; // IPv6 literal
        }
        int colon = h.lastIndexOf(':');
        if (colon >= 0) {
            h = h.substring(0, colon);
        }
        String suffix = "." + virtualHostDomain;
        if (h.endsWith(suffix) && h.length() > suffix.length()) {
            return h.substring(0, h.length() - suffix.length());
        }
        return null;
    }
}
