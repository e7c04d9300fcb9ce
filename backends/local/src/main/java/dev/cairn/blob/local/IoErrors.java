package dev.cairn.blob.local;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.digest.IntegrityException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileLockInterruptionException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;

/**
 * The one place where filesystem failures become {@link BlobError}s. Callers handle the
 * expected, operation-specific cases (a missing file meaning "no such key" or "precondition
 * failed") themselves and pass everything else here.
 */
final class IoErrors {
    private final String storeId;

    IoErrors(String storeId) {
        this.storeId = storeId;
    }

    /** Translates a failure concerning one object. */
    BlobStoreException translate(IOException e, BlobKey key, String action) {
        return new BlobStoreException(classify(e), storeId, key, action + ": " + describe(e), e);
    }

    /** Translates a failure concerning a bucket (or the store as a whole when {@code bucket} is null). */
    BlobStoreException translateBucket(IOException e, String bucket, String action) {
        return new BlobStoreException(classify(e), storeId, bucket, null, action + ": " + describe(e), e);
    }

    static BlobError classify(IOException e) {
        if (e instanceof IntegrityException) {
            return BlobError.BAD_DIGEST;
        }
        if (e instanceof BodyReadException || e instanceof CorruptObjectException) {
            return BlobError.INTERNAL;
        }
        if (e instanceof NoSuchFileException) {
            return BlobError.NO_SUCH_KEY;
        }
        if (isOutOfSpace(e)) {
            return BlobError.INSUFFICIENT_STORAGE;
        }
        if (e instanceof AccessDeniedException) {
            // Permissions are an operator problem on the medium, not the caller's: report the store as unusable.
            return BlobError.UNAVAILABLE;
        }
        if (e instanceof ClosedByInterruptException || e instanceof FileLockInterruptionException
                || e instanceof InterruptedIOException) {
            return BlobError.UNAVAILABLE;
        }
        String text = text(e);
        if (text.contains("read-only file system") || text.contains("input/output error")
                || text.contains("stale file handle") || text.contains("transport endpoint is not connected")) {
            return BlobError.UNAVAILABLE;
        }
        return BlobError.INTERNAL;
    }

    /** ENOSPC or EDQUOT, however the JDK phrased it (FileSystemException reason or a plain IOException message). */
    static boolean isOutOfSpace(IOException e) {
        String text = text(e);
        return text.contains("no space left on device") || text.contains("disk quota exceeded")
                || text.contains("enospc") || text.contains("not enough space on the disk");
    }

    private static String text(IOException e) {
        StringBuilder sb = new StringBuilder();
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            sb.append(fse.getReason()).append(' ');
        }
        if (e.getMessage() != null) {
            sb.append(e.getMessage());
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }
}
