package dev.cairn.blob.s3;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStoreException;
import java.nio.charset.StandardCharsets;

/**
 * Where gateway buckets and objects live in the one backend bucket (ADR 0012):
 * <pre>
 *   &lt;prefix&gt;&lt;bucket&gt;/&lt;key&gt;            an object, the key verbatim (no escaping)
 *   &lt;prefix&gt;~cairn/buckets/&lt;bucket&gt;   a gateway bucket's marker: exists ⇔ the bucket exists
 *   &lt;prefix&gt;~cairn/uploads/&lt;bucket&gt;/&lt;id&gt;          a multipart upload (empty; its state in metadata)
 *   &lt;prefix&gt;~cairn/uploads/&lt;bucket&gt;/&lt;id&gt;/&lt;nnnnn&gt;  one verified part
 *   &lt;prefix&gt;~cairn/...                 the backend's other bookkeeping (probes)
 * </pre>
 * Keys need no escaping because the bucket name ends at the first {@code /} and bucket names
 * never contain one; {@code ~} is not allowed in bucket names, so {@code ~cairn/} can never be
 * a gateway bucket's prefix.
 */
final class S3Layout {
    static final String INTERNAL = "~cairn/";

    private final String root;

    /** @param prefix the configured prefix; a non-empty one without a trailing {@code /} gets one */
    S3Layout(String prefix) {
        this.root = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
    }

    String root() {
        return root;
    }

    String bucketPrefix(String bucket) {
        return root + bucket + "/";
    }

    String objectKey(BlobKey key) {
        return bucketPrefix(key.bucket()) + key.key();
    }

    /** S3's limit on a key, in UTF-8 bytes. */
    static final int MAX_BACKEND_KEY_BYTES = 1024;

    /**
     * The backend key of an object that may be written: the prefix and bucket take part of S3's
     * 1,024-byte key limit, so the longest gateway key is shorter than the SPI's 1,024 bytes.
     *
     * @throws BlobStoreException {@link BlobError#INVALID_ARGUMENT} when it does not fit
     */
    String writableKey(BlobKey key) {
        String k = objectKey(key);
        int bytes = k.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BACKEND_KEY_BYTES) {
            int room = MAX_BACKEND_KEY_BYTES - bucketPrefix(key.bucket()).getBytes(StandardCharsets.UTF_8).length;
            throw new BlobStoreException(BlobError.INVALID_ARGUMENT, S3BlobStore.ID, key,
                    "key too long for the s3 backend: at most " + room + " UTF-8 bytes in this bucket (S3 keys are at most 1024 bytes"
                            + " including the prefix '" + bucketPrefix(key.bucket()) + "')");
        }
        return k;
    }

    String markersPrefix() {
        return root + INTERNAL + "buckets/";
    }

    String marker(String bucket) {
        return markersPrefix() + bucket;
    }

    String uploads(String bucket) {
        return root + INTERNAL + "uploads/" + bucket + "/";
    }

    String upload(String bucket, String uploadId) {
        return uploads(bucket) + uploadId;
    }

    String part(String bucket, String uploadId, int partNumber) {
        return upload(bucket, uploadId) + "/" + String.format(java.util.Locale.ROOT, "%05d", partNumber);
    }

    String internal(String name) {
        return root + INTERNAL + name;
    }

    /** The gateway key of a backend key under {@link #bucketPrefix}. */
    String gatewayKey(String bucket, String backendKey) {
        return backendKey.substring(bucketPrefix(bucket).length());
    }
}
