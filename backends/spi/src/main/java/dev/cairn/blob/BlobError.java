package dev.cairn.blob;

/**
 * The closed set of failures a {@link BlobStore} may report. The gateway maps each constant to a
 * protocol error with an exhaustive {@code switch}, so adding a constant breaks the build until
 * it is mapped.
 */
public enum BlobError {
    NO_SUCH_BUCKET(false),
    NO_SUCH_KEY(false),
    NO_SUCH_UPLOAD(false),
    BUCKET_ALREADY_EXISTS(false),
    BUCKET_NOT_EMPTY(false),
    /** A write or read precondition (If-Match, If-None-Match, If-Unmodified-Since, create-if-absent) failed. */
    PRECONDITION_FAILED(false),
    /** A read condition (If-None-Match, If-Modified-Since) says the client's copy is current. */
    NOT_MODIFIED(false),
    INVALID_RANGE(false),
    /** The body did not match its declared length or an expected digest; nothing was published. */
    BAD_DIGEST(false),
    /** The argument is not acceptable to this store (for example a key it cannot represent). */
    INVALID_ARGUMENT(false),
    INVALID_PART(false),
    INVALID_PART_ORDER(false),
    /** A multipart part other than the last is smaller than the minimum part size. */
    ENTITY_TOO_SMALL(false),
    /** The store lacks the capability the request needs. */
    UNSUPPORTED(false),
    /** The store is out of space (disk full, memory cap reached). Retrying later may succeed. */
    INSUFFICIENT_STORAGE(true),
    THROTTLED(true),
    UNAVAILABLE(true),
    INTERNAL(false);

    private final boolean retryable;

    BlobError(boolean retryable) {
        this.retryable = retryable;
    }

    /** True when the same call may succeed if repeated later (or against another replica). */
    public boolean retryable() {
        return retryable;
    }
}
