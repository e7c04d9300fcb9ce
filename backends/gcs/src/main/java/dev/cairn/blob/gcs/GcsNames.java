package dev.cairn.blob.gcs;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStoreException;
import java.util.Locale;

/**
 * The object-name layout inside the one GCS bucket (docs/backends.md):
 *
 * <pre>
 * &lt;prefix&gt;&lt;bucket&gt;/&lt;key&gt;                         an object, named as the client named it
 * &lt;prefix&gt;CAIRN/buckets/&lt;bucket&gt;                   a bucket's marker (empty; its creation time is the bucket's)
 * &lt;prefix&gt;CAIRN/uploads/&lt;bucket&gt;/&lt;id&gt;              a multipart upload's state (empty; metadata)
 * &lt;prefix&gt;CAIRN/uploads/&lt;bucket&gt;/&lt;id&gt;/&lt;nnnnn&gt;      one part
 * &lt;prefix&gt;CAIRN/uploads/&lt;bucket&gt;/&lt;id&gt;/c&lt;l&gt;-&lt;i&gt;     an intermediate compose of &gt;32 parts
 * &lt;prefix&gt;CAIRN/tmp/&lt;random&gt;                      a large body being verified before it is published
 * </pre>
 *
 * {@code CAIRN} holds upper-case letters, which no bucket name may, so Cairn's own objects can
 * never collide with a gateway bucket's. GCS limits names to 1024 UTF-8 bytes and forbids line
 * breaks: keys that would break either are refused with {@link BlobError#INVALID_ARGUMENT}.
 */
final class GcsNames {
    static final int MAX_NAME_BYTES = 1024;
    private static final String INTERNAL = "CAIRN/";

    private final String prefix;

    GcsNames(String prefix) {
        this.prefix = prefix;
    }

    String prefix() {
        return prefix;
    }

    /** Where the keys of {@code bucket} start. */
    String bucketRoot(String bucket) {
        return prefix + bucket + "/";
    }

    /**
     * @throws BlobStoreException {@link BlobError#INVALID_ARGUMENT} for a key GCS cannot name
     */
    String object(BlobKey key) {
        String name = bucketRoot(key.bucket()) + key.key();
        if (utf8Length(name) > MAX_NAME_BYTES) {
            throw new BlobStoreException(BlobError.INVALID_ARGUMENT, GcsBlobStore.ID, key,
                    "key too long for GCS: the object name '" + prefix + key.bucket() + "/' + key exceeds " + MAX_NAME_BYTES + " UTF-8 bytes");
        }
        if (key.key().indexOf('\r') >= 0 || key.key().indexOf('\n') >= 0) {
            throw new BlobStoreException(BlobError.INVALID_ARGUMENT, GcsBlobStore.ID, key, "GCS object names cannot hold line breaks");
        }
        return name;
    }

    /** The key of an object name under {@link #bucketRoot}. */
    String keyOf(String bucket, String objectName) {
        return objectName.substring(bucketRoot(bucket).length());
    }

    String bucketMarkers() {
        return prefix + INTERNAL + "buckets/";
    }

    String bucketMarker(String bucket) {
        return bucketMarkers() + bucket;
    }

    String uploads(String bucket) {
        return prefix + INTERNAL + "uploads/" + bucket + "/";
    }

    String upload(String bucket, String uploadId) {
        return uploads(bucket) + uploadId;
    }

    String part(String bucket, String uploadId, int partNumber) {
        return upload(bucket, uploadId) + "/" + String.format(Locale.ROOT, "%05d", partNumber);
    }

    /** The part number of a name under {@code upload(...) + "/"}, or -1 for an intermediate object. */
    static int partNumberOf(String suffix) {
        if (suffix.length() != 5) {
            return -1;
        }
        for (int i = 0; i < 5; i++) {
            if (!Character.isDigit(suffix.charAt(i))) {
                return -1;
            }
        }
        return Integer.parseInt(suffix);
    }

    String intermediate(String bucket, String uploadId, int level, int index) {
        return upload(bucket, uploadId) + "/c" + level + "-" + index;
    }

    String temp(String random) {
        return prefix + INTERNAL + "tmp/" + random;
    }

    static int utf8Length(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}
