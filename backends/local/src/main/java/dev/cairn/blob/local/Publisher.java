package dev.cairn.blob.local;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.WritePrecondition;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Makes a fully written temporary file the current version of a key, atomically, honouring the
 * write precondition. Every publish holds the key's stripe in {@link KeyLocks}, so an If-Match
 * check and its rename cannot be interleaved with another publish or delete of the key, in this
 * process or another one on the same root.
 *
 * <ul>
 *   <li>unconditional: {@code rename(tmp, target)}, which replaces any previous version atomically;
 *   <li>If-Absent: {@code link(tmp, target)}, which fails if the target exists (no replace);
 *   <li>If-Match: read the current version's etag, compare, then rename; a missing key is
 *       {@link BlobError#NO_SUCH_KEY}, a different etag {@link BlobError#PRECONDITION_FAILED}.
 * </ul>
 *
 * A delete of a sibling may remove an empty parent directory between creating it and the
 * rename; the publish then starts again (a bounded number of times).
 */
final class Publisher {
    private static final int ATTEMPTS = 16;

    private final String storeId;
    private final Layout layout;
    private final KeyLocks locks;
    private final Durability durability;

    Publisher(String storeId, Layout layout, KeyLocks locks, Durability durability) {
        this.storeId = storeId;
        this.layout = layout;
        this.locks = locks;
        this.durability = durability;
    }

    /**
     * Publishes {@code tmp} as the current version of {@code key}. On success {@code tmp} no
     * longer exists or is a second link the caller deletes; on failure the previous version is
     * untouched.
     *
     * @return the metadata of the version this publish replaced, read under the key's lock (so it
     *     is exactly the replaced one), or null when there was none or it was unreadable; the
     *     caller frees a replaced multipart object's segments with it
     *
     * @throws BlobStoreException {@link BlobError#PRECONDITION_FAILED}, {@link BlobError#NO_SUCH_KEY}
     *     (If-Match on a missing key), {@link BlobError#NO_SUCH_BUCKET}
     * @throws IOException when the filesystem fails
     */
    @SuppressWarnings("try") // the held stripe lock is the point of the try block
    StoredMeta publish(BlobKey key, Path tmp, WritePrecondition precondition) throws IOException {
        Path bucketDir = layout.bucketDir(key.bucket());
        Path target = layout.objectFile(key);
        for (int attempt = 1; ; attempt++) {
            try {
                createParents(bucketDir, target.getParent());
                StoredMeta previous = null;
                try (KeyLocks.Held held = locks.lock(key)) {
                    // Java 17 has no pattern switch over the sealed type; the chain is exhaustive.
                    if (precondition instanceof WritePrecondition.IfAbsent) {
                        link(key, tmp, target);
                    } else if (precondition instanceof WritePrecondition.IfMatch match) {
                        previous = requireEtag(key, target, match.etag());
                        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                    } else {
                        previous = readExisting(target);
                        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                    }
                }
                durability.syncDirectory(target.getParent());
                return previous;
            } catch (NoSuchFileException e) {
                if (!Files.isDirectory(bucketDir)) {
                    throw BlobStoreException.bucket(BlobError.NO_SUCH_BUCKET, storeId, key.bucket(), "bucket deleted during the write");
                }
                if (!Files.exists(tmp) || attempt == ATTEMPTS) {
                    throw e;
                }
                // a concurrent delete removed a parent directory we had created: create it again
            }
        }
    }

    private void link(BlobKey key, Path tmp, Path target) throws IOException {
        try {
            Files.createLink(target, tmp);
        } catch (FileAlreadyExistsException e) {
            throw exists(key);
        } catch (UnsupportedOperationException e) {
            // A filesystem without hard links: every publish and delete of this key holds the
            // stripe lock we hold now, so checking and then renaming is still atomic for Cairn.
            if (Files.exists(target)) {
                throw exists(key);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private BlobStoreException exists(BlobKey key) {
        return new BlobStoreException(BlobError.PRECONDITION_FAILED, storeId, key, "object exists (If-None-Match: *)");
    }

    /** The metadata of the file at {@code target}, or null when there is none or it is damaged. */
    static StoredMeta readExisting(Path target) throws IOException {
        try (FileChannel ch = FileChannel.open(target, StandardOpenOption.READ)) {
            return ObjectFormat.read(ch);
        } catch (NoSuchFileException | CorruptObjectException e) {
            return null;
        }
    }

    private StoredMeta requireEtag(BlobKey key, Path target, String etag) throws IOException {
        StoredMeta current;
        try (FileChannel ch = FileChannel.open(target, StandardOpenOption.READ)) {
            current = ObjectFormat.read(ch);
        } catch (NoSuchFileException e) {
            // As Amazon S3 answers a conditional PutObject on a missing key (404, not 412); the
            // contract suite's ConditionalUpdateContract pins this for every backend.
            throw new BlobStoreException(BlobError.NO_SUCH_KEY, storeId, key, "If-Match: no current version");
        }
        if (!current.etag().equals(etag)) {
            throw new BlobStoreException(BlobError.PRECONDITION_FAILED, storeId, key, "If-Match: etag differs");
        }
        return current;
    }

    /**
     * Creates the missing directories between the bucket directory and {@code parent}, one level
     * at a time (never the bucket directory itself, so a deleted bucket is not resurrected), and
     * syncs each new directory's parent so the new entry survives a crash.
     */
    private void createParents(Path bucketDir, Path parent) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = parent; !p.equals(bucketDir) && !Files.isDirectory(p); p = p.getParent()) {
            missing.push(p);
        }
        while (!missing.isEmpty()) {
            Path dir = missing.pop();
            try {
                Files.createDirectory(dir);
                durability.syncDirectory(dir.getParent());
            } catch (FileAlreadyExistsException e) {
                // created concurrently by another writer
            }
        }
    }
}
