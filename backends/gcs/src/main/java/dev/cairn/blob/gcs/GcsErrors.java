package dev.cairn.blob.gcs;

import com.google.cloud.BaseServiceException;
import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStoreException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/**
 * The one place where google-cloud-storage's exceptions become {@link BlobError}s. Callers say
 * what a 404 means where they are (a missing key, upload or bucket); everything else maps by
 * status: 412 → PRECONDITION_FAILED, 416 → INVALID_RANGE, 429 → THROTTLED, 5xx, timeouts and
 * connection failures → UNAVAILABLE, 401/403 → UNAVAILABLE (the gateway cannot use its bucket:
 * an operator problem, reported as not-ready), 400 → INVALID_ARGUMENT, anything else → INTERNAL.
 */
final class GcsErrors {
    static final int NOT_FOUND = 404;
    static final int PRECONDITION_FAILED = 412;

    private GcsErrors() {
    }

    /**
     * @param notFound what a 404 means for this call
     * @param key the key concerned, or null
     * @param bucket the gateway bucket concerned (used when {@code key} is null), or null
     */
    static BlobStoreException translate(RuntimeException e, BlobError notFound, String bucket, BlobKey key, String doing) {
        if (e instanceof BlobStoreException already) {
            return already;
        }
        BlobError error = classify(e, notFound);
        String b = key != null ? key.bucket() : bucket;
        String k = key != null ? key.key() : null;
        return new BlobStoreException(error, GcsBlobStore.ID, b, k, doing + ": " + describe(e), e);
    }

    /** The status a GCS exception carries, or 0 when it has none (connection failures). */
    static int status(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BaseServiceException s && s.getCode() > 0) {
                return s.getCode();
            }
        }
        return 0;
    }

    static boolean isNotFound(Throwable e) {
        return status(e) == NOT_FOUND;
    }

    static boolean isPreconditionFailed(Throwable e) {
        return status(e) == PRECONDITION_FAILED;
    }

    static BlobError classify(Throwable e, BlobError notFound) {
        int status = status(e);
        if (status == 0) {
            return isConnectionProblem(e) ? BlobError.UNAVAILABLE : BlobError.INTERNAL;
        }
        return switch (status) {
            case 400 -> BlobError.INVALID_ARGUMENT;
            case 401, 403 -> BlobError.UNAVAILABLE;
            case NOT_FOUND -> notFound;
            case PRECONDITION_FAILED -> BlobError.PRECONDITION_FAILED;
            case 416 -> BlobError.INVALID_RANGE;
            case 429 -> BlobError.THROTTLED;
            case 408, 500, 502, 503, 504 -> BlobError.UNAVAILABLE;
            default -> BlobError.INTERNAL;
        };
    }

    /** A failed read of an object's bytes, for the stream handed to the gateway. */
    static IOException readFailure(RuntimeException e, BlobKey key) {
        return new IOException("reading " + key + " from GCS failed: " + describe(e), e);
    }

    private static boolean isConnectionProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof SocketTimeoutException || t instanceof UnknownHostException
                    || t instanceof InterruptedIOException || t instanceof java.net.SocketException
                    || t instanceof javax.net.ssl.SSLException) {
                return true;
            }
            if (t instanceof BaseServiceException s && s.isRetryable()) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable e) {
        int status = status(e);
        String message = e.getMessage();
        if (message != null && message.length() > 300) {
            message = message.substring(0, 300) + "...";
        }
        return (status > 0 ? "HTTP " + status + " " : "") + e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
