package dev.cairn.gateway.s3.route;

import java.util.Objects;

/**
 * The routing decision for one S3 request.
 *
 * @param operation what to do
 * @param bucket the addressed bucket, or null at service scope
 * @param key the decoded object key, or null unless the scope is {@link Scope#OBJECT}
 * @param query the decoded query parameters
 * @param virtualHosted true when the bucket came from the Host header
 */
public record ParsedRequest(S3Operation operation, String bucket, String key, QueryParams query, boolean virtualHosted) {
    public ParsedRequest {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(query, "query");
    }

    public Scope scope() {
        return bucket == null ? Scope.SERVICE : key == null ? Scope.BUCKET : Scope.OBJECT;
    }
}
