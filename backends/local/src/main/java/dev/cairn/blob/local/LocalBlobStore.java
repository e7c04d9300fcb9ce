package dev.cairn.blob.local;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.BucketInfo;
import dev.cairn.blob.ByteRange;
import dev.cairn.blob.Capability;
import dev.cairn.blob.HealthReport;
import dev.cairn.blob.ListPage;
import dev.cairn.blob.ListPager;
import dev.cairn.blob.ListRequest;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectReader;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.ReadOptions;
import dev.cairn.blob.SupportsMultipart;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.WritePrecondition;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.blob.digest.ChecksumType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link BlobStore} on a local filesystem. See {@link Layout} for the directory layout,
 * {@link KeyCodec} for how keys become paths, {@link ObjectFormat} for the file format (bytes and
 * metadata in one file, published by one rename), {@link Publisher} for conditional publishes,
 * {@link LocalMultipart} for multipart uploads (composite objects over linked part files,
 * docs/adr/0008).
 */
final class LocalBlobStore implements BlobStore, SupportsMultipart {
    static final String ID = "local";
    private static final Logger LOG = LoggerFactory.getLogger(LocalBlobStore.class);

    private final Layout layout;
    private final IoErrors errors = new IoErrors(ID);
    private final Durability durability;
    private final KeyLocks locks;
    private final TempArea temp;
    private final FreeSpace freeSpace;
    private final Spooler spooler;
    private final Publisher publisher;
    private final KeyLocks uploadLocks;
    private final LocalMultipart multipart;
    private final Set<Capability> capabilities;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** How often a read starts again when the version it opened was replaced before its segments were opened. */
    private static final int READ_ATTEMPTS = 8;

    private LocalBlobStore(Layout layout, Durability durability, KeyLocks locks, KeyLocks uploadLocks, TempArea temp,
            FreeSpace freeSpace, CompletionHook hook) {
        this.layout = layout;
        this.durability = durability;
        this.locks = locks;
        this.temp = temp;
        this.freeSpace = freeSpace;
        this.spooler = new Spooler(ID, freeSpace, durability);
        this.publisher = new Publisher(ID, layout, locks, durability);
        this.uploadLocks = uploadLocks;
        this.multipart = new LocalMultipart(ID, layout, durability, uploadLocks, temp, spooler, publisher,
                new SegmentFiles(layout, durability), hook);
        EnumSet<Capability> caps = EnumSet.of(Capability.WRITE_IF_ABSENT, Capability.WRITE_IF_MATCH);
        if (durability.enabled()) {
            caps.add(Capability.DURABLE);
        }
        this.capabilities = Collections.unmodifiableSet(caps);
    }

    /**
     * Opens (creating if needed) a store under {@code config.root()}, deleting what crashed writes
     * left in {@code tmp/}.
     *
     * @throws IllegalArgumentException when the root is on a case-insensitive filesystem, where
     *     keys differing only in case would overwrite each other
     * @throws BlobStoreException {@link BlobError#UNAVAILABLE} when the root cannot be prepared
     */
    static LocalBlobStore open(LocalConfig config) {
        return open(config, CompletionHook.NONE);
    }

    /** As {@link #open(LocalConfig)}, with an observer of multipart completions (tests). */
    static LocalBlobStore open(LocalConfig config, CompletionHook hook) {
        Layout layout = new Layout(config.root());
        TempArea temp = null;
        KeyLocks locks = null;
        KeyLocks uploadLocks = null;
        try {
            Files.createDirectories(layout.buckets());
            Files.createDirectories(layout.uploads());
            Files.createDirectories(layout.segments());
            temp = TempArea.open(layout.tmp());
            if (temp.cleaned() > 0) {
                LOG.info("local store {}: deleted {} temporary file(s) left by interrupted writes", config.root(), temp.cleaned());
            }
            requireCaseSensitive(temp.dir());
            locks = KeyLocks.open(layout.lockFile());
            uploadLocks = KeyLocks.open(layout.uploadLockFile());
            FreeSpace freeSpace = new FreeSpace(Files.getFileStore(config.root()), config.minFreeBytes());
            Durability durability = new Durability(config.fsync());
            durability.syncDirectory(layout.root());
            return new LocalBlobStore(layout, durability, locks, uploadLocks, temp, freeSpace, hook);
        } catch (IOException | RuntimeException e) {
            closeQuietly(uploadLocks);
            closeQuietly(locks);
            closeQuietly(temp);
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new BlobStoreException(BlobError.UNAVAILABLE, ID, null, null,
                    "cannot open local store at " + config.root() + ": " + e, e);
        }
    }

    private static void requireCaseSensitive(Path dir) throws IOException {
        Path lower = dir.resolve("case-probe");
        Files.createFile(lower);
        try {
            if (Files.exists(dir.resolve("CASE-PROBE"))) {
                throw new IllegalArgumentException("local.dir: " + dir.getParent().getParent()
                        + " is on a case-insensitive filesystem; keys differing only in case would collide");
            }
        } finally {
            Files.delete(lower);
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    // ---- buckets ----

    @Override
    public void createBucket(String bucket) {
        BlobKey.requireValidBucket(bucket);
        Path dir = layout.bucketDir(bucket);
        try {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            throw BlobStoreException.bucket(BlobError.BUCKET_ALREADY_EXISTS, ID, bucket, "bucket exists");
        } catch (IOException e) {
            throw errors.translateBucket(e, bucket, "creating the bucket directory");
        }
        try {
            writeMarker(bucket, System.currentTimeMillis());
            durability.syncDirectory(layout.buckets());
        } catch (IOException e) {
            throw errors.translateBucket(e, bucket, "recording the bucket");
        }
    }

    /** Records the creation time, written to a temporary file and renamed so it is never torn. */
    private void writeMarker(String bucket, long createdMillis) throws IOException {
        Path tmp = temp.newFile();
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.wrap(Long.toString(createdMillis).getBytes(StandardCharsets.US_ASCII)));
                durability.syncFile(ch);
            }
            Files.move(tmp, layout.bucketMarker(bucket), StandardCopyOption.ATOMIC_MOVE);
            durability.syncDirectory(layout.bucketDir(bucket));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public void deleteBucket(String bucket) {
        BlobKey.requireValidBucket(bucket);
        Path dir = layout.bucketDir(bucket);
        requireBucket(bucket);
        if (hasKeys(bucket)) {
            throw BlobStoreException.bucket(BlobError.BUCKET_NOT_EMPTY, ID, bucket, "bucket has objects");
        }
        Instant created = createdTime(bucket);
        try {
            Files.deleteIfExists(layout.bucketMarker(bucket));
            deleteEmptyTree(dir);
            durability.syncDirectory(layout.buckets());
        } catch (DirectoryNotEmptyException e) {
            // An object arrived after the emptiness check: put the marker back and report it.
            try {
                writeMarker(bucket, created.toEpochMilli());
            } catch (IOException restore) {
                e.addSuppressed(restore);
            }
            throw new BlobStoreException(BlobError.BUCKET_NOT_EMPTY, ID, bucket, null, "bucket has objects", e);
        } catch (NoSuchFileException e) {
            throw BlobStoreException.bucket(BlobError.NO_SUCH_BUCKET, ID, bucket, "deleted concurrently");
        } catch (IOException e) {
            throw errors.translateBucket(e, bucket, "deleting the bucket");
        }
    }

    private boolean hasKeys(String bucket) {
        try {
            return new DirectoryCursor(layout.bucketDir(bucket)).keysFrom("").hasNext();
        } catch (UncheckedIOException e) {
            throw errors.translateBucket(e.getCause(), bucket, "listing the bucket");
        }
    }

    /** Deletes a tree of empty directories; any file in it fails with DirectoryNotEmptyException. */
    private static void deleteEmptyTree(Path dir) throws IOException {
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir, Files::isDirectory)) {
            for (Path child : children) {
                deleteEmptyTree(child);
            }
        }
        Files.delete(dir);
    }

    @Override
    public boolean bucketExists(String bucket) {
        BlobKey.requireValidBucket(bucket);
        return Files.isDirectory(layout.bucketDir(bucket));
    }

    @Override
    public List<BucketInfo> listBuckets() {
        List<BucketInfo> out = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(layout.buckets(), Files::isDirectory)) {
            for (Path dir : dirs) {
                String name = dir.getFileName().toString();
                try {
                    BlobKey.requireValidBucket(name);
                } catch (IllegalArgumentException e) {
                    continue; // not a bucket we made
                }
                out.add(new BucketInfo(name, createdTime(name)));
            }
        } catch (IOException e) {
            throw errors.translateBucket(e, null, "listing buckets");
        }
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }

    /** The recorded creation time; the directory's own time if the marker is missing (a crash mid-create). */
    private Instant createdTime(String bucket) {
        try {
            String text = Files.readString(layout.bucketMarker(bucket), StandardCharsets.US_ASCII).trim();
            return Instant.ofEpochMilli(Long.parseLong(text));
        } catch (IOException | NumberFormatException e) {
            try {
                return Files.readAttributes(layout.bucketDir(bucket), BasicFileAttributes.class).creationTime().toInstant();
            } catch (IOException gone) {
                return Instant.EPOCH;
            }
        }
    }

    private void requireBucket(String bucket) {
        if (!Files.isDirectory(layout.bucketDir(bucket))) {
            throw BlobStoreException.bucket(BlobError.NO_SUCH_BUCKET, ID, bucket, "no such bucket");
        }
    }

    // ---- objects ----

    @Override
    public ObjectInfo stat(BlobKey key) {
        try (FileChannel ch = openObject(key)) {
            return ObjectFormat.read(ch).toInfo(key);
        } catch (IOException e) {
            throw errors.translate(e, key, "reading metadata");
        }
    }

    /** Opens the object file, reporting a missing one as NO_SUCH_BUCKET or NO_SUCH_KEY. */
    private FileChannel openObject(BlobKey key) throws IOException {
        try {
            return FileChannel.open(layout.objectFile(key), StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            requireBucket(key.bucket());
            throw new BlobStoreException(BlobError.NO_SUCH_KEY, ID, key, "no such key");
        }
    }

    @Override
    public ObjectReader read(BlobKey key, ReadOptions options) {
        for (int attempt = 1; ; attempt++) {
            FileChannel ch = null;
            try {
                ch = openObject(key);
                StoredMeta meta = ObjectFormat.read(ch);
                ObjectInfo info = meta.toInfo(key);
                options.conditions().check(info.etag(), info.lastModified(), ID, key);
                ByteRange.Resolved range = options.range() == null
                        ? ByteRange.Resolved.whole(info.size())
                        : options.range().resolve(info.size(), ID, key);
                if (meta.isComposite()) {
                    String uploadId = meta.composite().uploadId();
                    return CompositeObjectReader.open(meta, info, range, n -> layout.segmentFile(key.bucket(), uploadId, n));
                }
                FileObjectReader reader = new FileObjectReader(ch, info, range);
                ch = null;
                return reader;
            } catch (NoSuchFileException e) {
                // A segment vanished: the composite version we opened was replaced and its
                // segments freed after we opened its file. Read the version that replaced it.
                if (attempt == READ_ATTEMPTS) {
                    throw errors.translate(new CorruptObjectException("segment missing: " + e.getMessage()), key, "opening for read");
                }
            } catch (IOException e) {
                throw errors.translate(e, key, "opening for read");
            } finally {
                closeQuietly(ch);
            }
        }
    }

    @Override
    public ObjectInfo write(BlobKey key, ObjectSource source, WriteOptions options) {
        if (closed.get()) {
            // its temporary area and lock file are gone; fail clearly rather than with a missing-file error
            throw new BlobStoreException(BlobError.UNAVAILABLE, ID, key, "store is closed");
        }
        requireBucket(key.bucket());
        Path tmp = temp.newFile();
        try {
            spooler.requireSpace(key, source.lengthKnown() ? source.length() : 0);
            StoredMeta meta = spooler.spool(key, tmp, source, options);
            multipart.releaseReplaced(key, publisher.publish(key, tmp, options.precondition()));
            return meta.toInfo(key);
        } catch (IOException e) {
            throw errors.translate(e, key, "writing");
        } finally {
            try {
                // After a rename nothing is left; after a link or a failure the temporary name goes.
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                LOG.warn("could not delete temporary file {}; it is removed at the next start", tmp, e);
            }
        }
    }

    @Override
    @SuppressWarnings("try") // the held stripe lock is the point of the try block
    public void delete(BlobKey key) {
        requireBucket(key.bucket());
        Path target = layout.objectFile(key);
        boolean deleted;
        StoredMeta previous = null;
        try {
            try (KeyLocks.Held held = locks.lock(key)) {
                previous = Publisher.readExisting(target);
                deleted = Files.deleteIfExists(target);
            }
            if (deleted) {
                durability.syncDirectory(target.getParent());
            }
        } catch (NoSuchFileException e) {
            deleted = false; // a parent directory is already gone: so is the object
        } catch (IOException e) {
            throw errors.translate(e, key, "deleting");
        }
        if (deleted) {
            multipart.releaseReplaced(key, previous);
            pruneEmptyParents(layout.bucketDir(key.bucket()), target.getParent());
        }
    }

    /**
     * Removes directories left empty by a delete, up to (not including) the bucket directory.
     * A writer that loses its freshly made parent to this retries its publish (see {@link Publisher}).
     */
    private static void pruneEmptyParents(Path bucketDir, Path dir) {
        for (Path p = dir; p != null && !p.equals(bucketDir) && p.startsWith(bucketDir); p = p.getParent()) {
            try {
                Files.delete(p);
            } catch (NoSuchFileException e) {
                // removed concurrently; its parent may be empty now too
            } catch (IOException e) {
                return; // not empty (DirectoryNotEmptyException) or not removable: leave it
            }
        }
    }

    @Override
    public ListPage list(ListRequest request) {
        requireBucket(request.bucket());
        try {
            return ListPager.page(request, new DirectoryCursor(layout.bucketDir(request.bucket())),
                    key -> statOrNull(request.bucket(), key));
        } catch (UncheckedIOException e) {
            throw errors.translateBucket(e.getCause(), request.bucket(), "listing");
        }
    }

    /** Metadata for the listing, or null when the key vanished or its file is unusable. */
    private ObjectInfo statOrNull(String bucket, String key) {
        BlobKey blobKey;
        try {
            blobKey = new BlobKey(bucket, key);
        } catch (IllegalArgumentException e) {
            return null;
        }
        try (FileChannel ch = FileChannel.open(layout.objectFile(blobKey), StandardOpenOption.READ)) {
            return ObjectFormat.read(ch).toInfo(blobKey);
        } catch (NoSuchFileException e) {
            return null;
        } catch (CorruptObjectException e) {
            // One damaged file must not make the whole bucket unlistable; stat/read still report it.
            LOG.warn("local store: skipping damaged object {} in a listing: {}", blobKey, e.getMessage());
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- multipart (LocalMultipart) ----

    @Override
    public MultipartUpload createMultipartUpload(BlobKey key, WriteOptions options, ChecksumType checksumType) {
        requireOpen(key);
        requireBucket(key.bucket());
        return multipart.create(key, options, checksumType);
    }

    @Override
    public MultipartUpload upload(BlobKey key, String uploadId) {
        requireOpen(key);
        return multipart.upload(key, uploadId);
    }

    @Override
    public PartInfo uploadPart(BlobKey key, String uploadId, int partNumber, ObjectSource source, WriteOptions options) {
        requireOpen(key);
        return multipart.uploadPart(key, uploadId, partNumber, source, options);
    }

    @Override
    public ObjectInfo completeMultipartUpload(BlobKey key, String uploadId, List<CompletedPart> parts, WritePrecondition precondition,
            long minPartSize, Map<ChecksumAlgorithm, String> expectedChecksums) {
        requireOpen(key);
        requireBucket(key.bucket());
        return multipart.complete(key, uploadId, parts, precondition, minPartSize, expectedChecksums);
    }

    @Override
    public void abortMultipartUpload(BlobKey key, String uploadId) {
        requireOpen(key);
        multipart.abort(key, uploadId);
    }

    @Override
    public PartListing listParts(BlobKey key, String uploadId, int partNumberMarker, int maxParts) {
        return multipart.listParts(key, uploadId, partNumberMarker, maxParts);
    }

    @Override
    public UploadListing listMultipartUploads(UploadListRequest request) {
        requireBucket(request.bucket());
        return multipart.listUploads(request);
    }

    /** Where things are, for tests that inspect the files. */
    Layout layoutForTests() {
        return layout;
    }

    private void requireOpen(BlobKey key) {
        if (closed.get()) {
            throw new BlobStoreException(BlobError.UNAVAILABLE, ID, key, "store is closed");
        }
    }

    @Override
    public HealthReport health() {
        if (closed.get()) {
            return new HealthReport(false, false, "store is closed");
        }
        if (!Files.isDirectory(layout.buckets())) {
            return new HealthReport(false, false, "data directory " + layout.root() + " is missing");
        }
        if (!Files.isWritable(temp.dir()) || !Files.isWritable(layout.buckets())) {
            return new HealthReport(true, false, "data directory " + layout.root() + " is not writable");
        }
        try {
            String shortfall = freeSpace.shortfall(0);
            if (shortfall != null) {
                return new HealthReport(true, false, shortfall);
            }
        } catch (IOException e) {
            return new HealthReport(true, false, "cannot read free space: " + e.getMessage());
        }
        return HealthReport.ok();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            closeQuietly(uploadLocks);
            closeQuietly(locks);
            closeQuietly(temp);
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed", c.getClass().getSimpleName(), e);
            }
        }
    }
}
