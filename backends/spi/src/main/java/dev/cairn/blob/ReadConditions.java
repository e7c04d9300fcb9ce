package dev.cairn.blob;

import java.time.Instant;
import java.util.List;

/**
 * HTTP read preconditions, evaluated by the store against the version it actually reads, in the
 * order RFC 9110 §13.2.2 and S3 use: If-Match, then If-Unmodified-Since (only when If-Match is
 * absent), then If-None-Match, then If-Modified-Since (only when If-None-Match is absent).
 *
 * @param ifMatch entity tags (unquoted) the object must have; {@code "*"} matches any; null when absent
 * @param ifNoneMatch entity tags the object must not have; {@code "*"} matches any; null when absent
 * @param ifModifiedSince null when absent
 * @param ifUnmodifiedSince null when absent
 */
public record ReadConditions(List<String> ifMatch, List<String> ifNoneMatch, Instant ifModifiedSince, Instant ifUnmodifiedSince) {
    public static final ReadConditions NONE = new ReadConditions(null, null, null, null);

    public ReadConditions {
        ifMatch = ifMatch == null ? null : List.copyOf(ifMatch);
        ifNoneMatch = ifNoneMatch == null ? null : List.copyOf(ifNoneMatch);
    }

    public boolean isEmpty() {
        return ifMatch == null && ifNoneMatch == null && ifModifiedSince == null && ifUnmodifiedSince == null;
    }

    /**
     * Evaluates the conditions against an object's entity tag and modification time.
     *
     * @throws BlobStoreException {@link BlobError#PRECONDITION_FAILED} (412) or
     *     {@link BlobError#NOT_MODIFIED} (304)
     */
    public void check(String etag, Instant lastModified, String storeId, BlobKey key) {
        long modifiedSecond = lastModified.getEpochSecond();
        if (ifMatch != null) {
            if (!matches(ifMatch, etag)) {
                throw new BlobStoreException(BlobError.PRECONDITION_FAILED, storeId, key, "If-Match");
            }
        } else if (ifUnmodifiedSince != null && modifiedSecond > ifUnmodifiedSince.getEpochSecond()) {
            throw new BlobStoreException(BlobError.PRECONDITION_FAILED, storeId, key, "If-Unmodified-Since");
        }
        if (ifNoneMatch != null) {
            if (matches(ifNoneMatch, etag)) {
                throw new BlobStoreException(BlobError.NOT_MODIFIED, storeId, key, "If-None-Match");
            }
        } else if (ifModifiedSince != null && modifiedSecond <= ifModifiedSince.getEpochSecond()) {
            throw new BlobStoreException(BlobError.NOT_MODIFIED, storeId, key, "If-Modified-Since");
        }
    }

    private static boolean matches(List<String> tags, String etag) {
        for (String t : tags) {
            if (t.equals("*") || t.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
