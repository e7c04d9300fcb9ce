package dev.cairn.blob.local;

import dev.cairn.blob.BlobKey;
import dev.cairn.blob.UploadIds;
import java.nio.file.Path;

/**
 * Where things live under the root:
 *
 * <pre>
 *   root/buckets/&lt;bucket&gt;/.bucket      creation time (the encoding never yields a name starting with '.')
 *   root/buckets/&lt;bucket&gt;/&lt;encoded key&gt;   see {@link KeyCodec}
 *   root/tmp/                          in-flight writes (same filesystem, so rename is atomic)
 *   root/locks                         byte-range locks shared by every process using this root
 *   root/uploads/&lt;bucket&gt;/&lt;id&gt;/upload       a multipart upload's record ({@link UploadFormat})
 *   root/uploads/&lt;bucket&gt;/&lt;id&gt;/part-00001   its parts, plain object files ({@link ObjectFormat})
 *   root/uploads/&lt;bucket&gt;/&lt;id&gt;/aborted      tombstone of an aborted upload (abort stays idempotent)
 *   root/segments/&lt;bucket&gt;/&lt;id&gt;/part-00001  hard links to the parts of a completed upload, owned by
 *                                      the composite object file that names {@code id}
 *   root/upload-locks                  byte-range locks per upload, always taken before a key's lock
 * </pre>
 *
 * Upload ids are checked by {@link UploadIds#isValid} before they are resolved, so they never
 * name anything outside their directory.
 */
final class Layout {
    static final String BUCKET_MARKER = ".bucket";

    private final Path root;
    private final Path buckets;
    private final Path tmp;
    private final Path lockFile;
    private final Path uploads;
    private final Path segments;

    Layout(Path root) {
        this.root = root;
        this.buckets = root.resolve("buckets");
        this.tmp = root.resolve("tmp");
        this.lockFile = root.resolve("locks");
        this.uploads = root.resolve("uploads");
        this.segments = root.resolve("segments");
    }

    Path root() {
        return root;
    }

    Path buckets() {
        return buckets;
    }

    Path tmp() {
        return tmp;
    }

    Path lockFile() {
        return lockFile;
    }

    Path bucketDir(String bucket) {
        return buckets.resolve(bucket);
    }

    Path bucketMarker(String bucket) {
        return bucketDir(bucket).resolve(BUCKET_MARKER);
    }

    Path objectFile(BlobKey key) {
        return KeyCodec.resolve(bucketDir(key.bucket()), key.key());
    }

    Path uploadLockFile() {
        return root.resolve("upload-locks");
    }

    Path uploads() {
        return uploads;
    }

    Path segments() {
        return segments;
    }

    Path uploadsOf(String bucket) {
        return uploads.resolve(bucket);
    }

    Path uploadDir(String bucket, String uploadId) {
        return uploadsOf(bucket).resolve(UploadIds.require(uploadId));
    }

    Path uploadRecord(String bucket, String uploadId) {
        return uploadDir(bucket, uploadId).resolve("upload");
    }

    Path abortedMarker(String bucket, String uploadId) {
        return uploadDir(bucket, uploadId).resolve("aborted");
    }

    Path partFile(String bucket, String uploadId, int partNumber) {
        return uploadDir(bucket, uploadId).resolve(partName(partNumber));
    }

    Path segmentDir(String bucket, String uploadId) {
        return segments.resolve(bucket).resolve(UploadIds.require(uploadId));
    }

    Path segmentFile(String bucket, String uploadId, int partNumber) {
        return segmentDir(bucket, uploadId).resolve(partName(partNumber));
    }

    /** {@code part-00001}: zero-padded so a directory listing sorts in part order. */
    static String partName(int partNumber) {
        return String.format(java.util.Locale.ROOT, "part-%05d", partNumber);
    }

    /** The part number a name from {@link #partName} stands for, or -1 for any other name. */
    static int partNumber(String name) {
        if (name.length() != 10 || !name.startsWith("part-")) {
            return -1;
        }
        int n = 0;
        for (int i = 5; i < 10; i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n >= 1 && n <= 10_000 ? n : -1;
    }
}
