package dev.cairn.gateway.oap;

import dev.cairn.blob.BlobError;

/** The problems this API answers with, in one place so the slugs stay consistent. */
final class Problems {
    private Problems() {
    }

    static Problem badRequest(String detail) {
        return Problem.of(400, "bad-request", "Bad Request", detail);
    }

    static Problem badAddress() {
        return Problem.of(400, "invalid-address", "Invalid address",
                "an address is 'b3:' followed by 64 lowercase hex digits of the BLAKE3-256 digest");
    }

    static Problem unauthorized() {
        return Problem.of(401, "unauthorized", "Unauthorized", "this request needs 'Authorization: Bearer <token>'")
                .withHeader("WWW-Authenticate", "Bearer");
    }

    static Problem forbidden() {
        return Problem.of(403, "forbidden", "Forbidden", "the bearer token is not valid for this request");
    }

    static Problem notFound(BlobAddress address) {
        return Problem.of(404, "not-found", "Not Found", "no blob is stored at " + address.text());
    }

    static Problem unknownPath() {
        return Problem.of(404, "not-found", "Not Found", "no such resource");
    }

    static Problem methodNotAllowed(String method, String allow) {
        return Problem.of(405, "method-not-allowed", "Method Not Allowed", method + " is not allowed here; use " + allow)
                .withHeader("Allow", allow);
    }

    static Problem tooLarge(String detail) {
        return Problem.of(413, "body-too-large", "Content Too Large", detail).withHeader("Connection", "close");
    }

    static Problem unsupportedEncoding() {
        return Problem.of(415, "unsupported-encoding", "Unsupported Content-Encoding",
                        "Content-Encoding must be one of gzip, zstd or identity, not a combination")
                .withHeader("Accept-Encoding", ContentCoding.ACCEPTED);
    }

    static Problem corruptBody(String detail) {
        return Problem.of(400, "corrupt-body", "Corrupt compressed body", detail);
    }

    static Problem digestMismatch(BlobAddress claimed) {
        return Problem.of(422, "digest-mismatch", "Digest mismatch",
                "the BLAKE3 digest of the body is not " + claimed.text() + "; nothing was stored");
    }

    static Problem preconditionFailed() {
        return Problem.of(412, "precondition-failed", "Precondition Failed", "a request precondition did not hold");
    }

    static Problem rangeNotSatisfiable(long size) {
        return Problem.of(416, "range-not-satisfiable", "Range Not Satisfiable",
                        "the range does not overlap the blob's " + size + " bytes")
                .withHeader("Content-Range", "bytes */" + size);
    }

    static Problem internal() {
        return Problem.of(500, "internal", "Internal Server Error",
                "the request failed inside the gateway; quote the requestId to an operator");
    }

    /**
     * The problem for a store failure the handler did not expect and handle itself. The switch
     * is exhaustive on purpose: a new {@link BlobError} stops the build until it is mapped here.
     */
    static Problem forStoreError(BlobError error) {
        return switch (error) {
            case NO_SUCH_KEY -> Problem.of(404, "not-found", "Not Found", "no blob is stored at this address");
            case PRECONDITION_FAILED -> preconditionFailed();
            case NOT_MODIFIED -> Problem.of(304, "not-modified", "Not Modified", "the blob has not changed");
            case INVALID_RANGE -> Problem.of(416, "range-not-satisfiable", "Range Not Satisfiable",
                    "the range does not overlap the blob");
            case BAD_DIGEST -> Problem.of(422, "digest-mismatch", "Digest mismatch",
                    "the body did not match its declared length or digest; nothing was stored");
            case INVALID_ARGUMENT -> badRequest("the storage backend rejected the request");
            case UNSUPPORTED -> Problem.of(501, "not-implemented", "Not Implemented",
                    "the storage backend does not support this operation");
            case INSUFFICIENT_STORAGE -> Problem.of(507, "insufficient-storage", "Insufficient Storage",
                    "the storage backend is full");
            case THROTTLED -> Problem.of(503, "throttled", "Service Unavailable",
                    "the storage backend is throttling requests; retry later").withHeader("Retry-After", "1");
            case UNAVAILABLE -> Problem.of(503, "unavailable", "Service Unavailable",
                    "the storage backend is unavailable; retry later").withHeader("Retry-After", "5");
            // The gateway creates and owns the blob bucket and never uses uploads or parts, so
            // these mean a broken deployment or a backend bug, not a client mistake.
            case NO_SUCH_BUCKET, NO_SUCH_UPLOAD, BUCKET_ALREADY_EXISTS, BUCKET_NOT_EMPTY,
                    INVALID_PART, INVALID_PART_ORDER, ENTITY_TOO_SMALL, INTERNAL -> internal();
        };
    }
}
