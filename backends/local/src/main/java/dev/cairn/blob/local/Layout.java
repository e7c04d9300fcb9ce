package dev.cairn.blob.local;

import dev.cairn.blob.BlobKey;
import java.nio.file.Path;

/**
 * Where things live under the root:
 *
 * <pre>
 *   root/buckets/&lt;bucket&gt;/.bucket      creation time (the encoding never yields a name starting with '.')
 *   root/buckets/&lt;bucket&gt;/&lt;encoded key&gt;   see {@link KeyCodec}
 *   root/tmp/                          in-flight writes (same filesystem, so rename is atomic)
 *   root/locks                         byte-range locks shared by every process using this root
 * </pre>
 */
final class Layout {
    static final String BUCKET_MARKER = ".bucket";

    private final Path root;
    private final Path buckets;
    private final Path tmp;
    private final Path lockFile;

    Layout(Path root) {
        this.root = root;
        this.buckets = root.resolve("buckets");
        this.tmp = root.resolve("tmp");
        this.lockFile = root.resolve("locks");
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
}
