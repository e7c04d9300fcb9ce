package dev.cairn.blob.local;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.MultipartChecksums;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.SupportsMultipart;
import dev.cairn.blob.SupportsMultipart.CompletedPart;
import dev.cairn.blob.SupportsMultipart.MultipartUpload;
import dev.cairn.blob.SupportsMultipart.PartInfo;
import dev.cairn.blob.SupportsMultipart.PartListing;
import dev.cairn.blob.UploadIds;
import dev.cairn.blob.UploadPager;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.WritePrecondition;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.blob.digest.ChecksumType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The multipart operations of {@link LocalBlobStore} (docs/adr/0008). Parts are plain object
 * files in the upload's directory. Completion links them into a segment directory and publishes
 * a small composite object file naming them, through the same {@link Publisher} as every write:
 * that publish is the single commit point, and no part byte is read or copied.
 *
 * <p>Every mutation of an upload holds the upload's stripe in a second {@link KeyLocks} (its own
 * lock file, shared by all processes on the root); completion takes the key's lock inside it,
 * never the other way round.
 */
final class LocalMultipart {
    private static final Logger LOG = LoggerFactory.getLogger(LocalMultipart.class);

    private final String storeId;
    private final Layout layout;
    private final Durability durability;
    private final KeyLocks uploadLocks;
    private final TempArea temp;
    private final Spooler spooler;
    private final Publisher publisher;
    private final Uploads uploads;
    private final SegmentFiles segments;
    private final CompletionHook hook;
    private final IoErrors errors;

    LocalMultipart(String storeId, Layout layout, Durability durability, KeyLocks uploadLocks, TempArea temp, Spooler spooler,
            Publisher publisher, SegmentFiles segments, CompletionHook hook) {
        this.storeId = storeId;
        this.layout = layout;
        this.durability = durability;
        this.uploadLocks = uploadLocks;
        this.temp = temp;
        this.spooler = spooler;
        this.publisher = publisher;
        this.uploads = new Uploads(layout, durability, temp);
        this.segments = segments;
        this.hook = hook;
        this.errors = new IoErrors(storeId);
    }

    MultipartUpload create(BlobKey key, WriteOptions options, ChecksumType checksumType) {
        if (!(options.precondition() instanceof WritePrecondition.None)) {
            throw new BlobStoreException(BlobError.INVALID_ARGUMENT, storeId, key, "preconditions belong to the completion");
        }
        if (!options.expectedChecksums().isEmpty()) {
            // nothing could verify a whole-object digest: completion never reads the object as a whole
            throw new BlobStoreException(BlobError.INVALID_ARGUMENT, storeId, key, "expected checksums belong to the parts");
        }
        try {
            return uploads.create(key, options, checksumType);
        } catch (IOException e) {
            throw errors.translate(e, key, "creating a multipart upload");
        }
    }

    MultipartUpload upload(BlobKey key, String uploadId) {
        try {
            return requireLive(key, uploadId);
        } catch (IOException e) {
            throw errors.translate(e, key, "reading a multipart upload");
        }
    }

    @SuppressWarnings("try") // the held upload lock is the point of the try block
    PartInfo uploadPart(BlobKey key, String uploadId, int partNumber, ObjectSource source, WriteOptions options) {
        if (partNumber < SupportsMultipart.MIN_PART_NUMBER || partNumber > SupportsMultipart.MAX_PART_NUMBER) {
            throw new BlobStoreException(BlobError.INVALID_ARGUMENT, storeId, key, "part number must be 1 to 10,000");
        }
        Path tmp = temp.newFile();
        try {
            MultipartUpload upload = requireLive(key, uploadId); // fail fast, before reading a body
            Set<ChecksumAlgorithm> extra = EnumSet.noneOf(ChecksumAlgorithm.class);
            extra.addAll(upload.options().extraChecksums());
            extra.addAll(options.extraChecksums());
            WriteOptions partOptions = new WriteOptions(WritePrecondition.NONE, null, null, null, options.expectedChecksums(), extra);
            spooler.requireSpace(key, source.lengthKnown() ? source.length() : 0);
            StoredMeta meta = spooler.spool(key, tmp, source, partOptions);
            try (KeyLocks.Held held = uploadLocks.lock(lockKey(key, uploadId))) {
                requireLive(key, uploadId); // aborted or completed while the body streamed in
                uploads.storePart(key.bucket(), uploadId, partNumber, tmp);
            }
            return partInfo(partNumber, meta);
        } catch (IOException e) {
            throw errors.translate(e, key, "storing part " + partNumber);
        } finally {
            deleteQuietly(tmp);
        }
    }

    private static PartInfo partInfo(int partNumber, StoredMeta meta) {
        return new PartInfo(partNumber, meta.size(), meta.etag(), Instant.ofEpochMilli(meta.lastModifiedMillis()), meta.checksums());
    }

    PartListing listParts(BlobKey key, String uploadId, int partNumberMarker, int maxParts) {
        try {
            MultipartUpload upload = requireLive(key, uploadId);
            if (maxParts < 1 || partNumberMarker < 0) {
                throw new BlobStoreException(BlobError.INVALID_ARGUMENT, storeId, key, "maxParts must be at least 1, the marker at least 0");
            }
            List<PartInfo> parts = new ArrayList<>();
            boolean truncated = false;
            for (int n : uploads.partNumbers(key.bucket(), uploadId)) {
                if (n <= partNumberMarker) {
                    continue;
                }
                if (parts.size() == maxParts) {
                    truncated = true;
                    break;
                }
                StoredMeta meta = uploads.part(key.bucket(), uploadId, n);
                if (meta != null) { // null: the upload ended while we listed
                    parts.add(partInfo(n, meta));
                }
            }
            int next = parts.isEmpty() ? partNumberMarker : parts.get(parts.size() - 1).partNumber();
            return new PartListing(upload, parts, truncated, next);
        } catch (IOException e) {
            throw errors.translate(e, key, "listing parts");
        }
    }

    SupportsMultipart.UploadListing listUploads(SupportsMultipart.UploadListRequest request) {
        try {
            return UploadPager.page(request, uploads.all(request.bucket()));
        } catch (IOException e) {
            throw errors.translateBucket(e, request.bucket(), "listing multipart uploads");
        }
    }

    @SuppressWarnings("try") // the held upload lock is the point of the try block
    void abort(BlobKey key, String uploadId) {
        if (!UploadIds.isValid(uploadId)) {
            throw noSuchUpload(key);
        }
        try (KeyLocks.Held held = uploadLocks.lock(lockKey(key, uploadId))) {
            if (uploads.abortedFor(key, uploadId)) {
                uploads.finishAbort(key.bucket(), uploadId); // repeat, or finish what a crash interrupted
                return;
            }
            requireLive(key, uploadId);
            uploads.abort(key, uploadId);
            // Links an uncommitted completion left behind; a committed one's object owns its segments.
            if (!referencesUpload(readCurrent(key), uploadId)) {
                segments.delete(key.bucket(), uploadId);
            }
        } catch (IOException e) {
            throw errors.translate(e, key, "aborting a multipart upload");
        }
    }

    /**
     * Completes an upload. Steps: validate the list against the stored parts; link the parts into
     * the segment directory; write and sync the composite object file; publish it with the
     * precondition (the commit point); remove the upload. A crash before the publish leaves the
     * previous version and the whole upload (a retry re-links); a crash after it leaves the new
     * object and an upload that a retry recognises as completed (the current version names it).
     */
    @SuppressWarnings("try") // the held upload lock is the point of the try block
    ObjectInfo complete(BlobKey key, String uploadId, List<CompletedPart> parts, WritePrecondition precondition, long minPartSize,
            Map<ChecksumAlgorithm, String> expectedChecksums) {
        if (!UploadIds.isValid(uploadId)) {
            throw noSuchUpload(key);
        }
        Path tmp = temp.newFile();
        try (KeyLocks.Held held = uploadLocks.lock(lockKey(key, uploadId))) {
            StoredMeta current = readCurrent(key);
            if (referencesUpload(current, uploadId) && Files.isDirectory(layout.uploadDir(key.bucket(), uploadId))) {
                // committed by an attempt that died before removing the upload; once it is removed, the id is gone
                return alreadyCompleted(key, uploadId, parts, current);
            }
            MultipartUpload upload = requireLive(key, uploadId);
            List<StoredMeta> partMetas = validate(key, uploadId, parts, minPartSize);
            StoredMeta meta = compose(upload, uploadId, parts, partMetas);
            MultipartChecksums.checkExpected(storeId, key, meta.checksums(), expectedChecksums); // before any link: the upload stays whole
            List<Integer> numbers = parts.stream().map(CompletedPart::partNumber).toList();
            segments.link(key.bucket(), uploadId, numbers);
            hook.reached(CompletionHook.Step.SEGMENTS_LINKED);
            writeManifest(tmp, meta);
            hook.reached(CompletionHook.Step.MANIFEST_WRITTEN);
            StoredMeta previous;
            try {
                previous = publisher.publish(key, tmp, precondition);
            } catch (BlobStoreException e) {
                segments.delete(key.bucket(), uploadId); // nothing was published: the upload stays whole
                throw e;
            }
            hook.reached(CompletionHook.Step.PUBLISHED);
            releaseReplaced(key, previous);
            uploads.remove(key.bucket(), uploadId);
            return meta.toInfo(key);
        } catch (IOException e) {
            throw errors.translate(e, key, "completing a multipart upload");
        } catch (UnsupportedOperationException e) {
            throw new BlobStoreException(BlobError.UNSUPPORTED, storeId, key, "the filesystem has no hard links", e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    /** A retry after a crash between the commit point and the upload's removal: finish and answer as the first call would have. */
    private ObjectInfo alreadyCompleted(BlobKey key, String uploadId, List<CompletedPart> parts, StoredMeta current) throws IOException {
        uploads.remove(key.bucket(), uploadId);
        List<Integer> numbers = parts.stream().map(CompletedPart::partNumber).toList();
        List<Integer> stored = current.composite().segments().stream().map(StoredMeta.Segment::partNumber).toList();
        String etag = MultipartChecksums.etag(parts.stream().map(p -> unquote(p.etag())).toList());
        if (numbers.equals(stored) && current.etag().equals(etag)) {
            return current.toInfo(key);
        }
        throw noSuchUpload(key); // completed, with another part list
    }

    private List<StoredMeta> validate(BlobKey key, String uploadId, List<CompletedPart> parts, long minPartSize) throws IOException {
        if (parts.isEmpty()) {
            throw new BlobStoreException(BlobError.INVALID_ARGUMENT, storeId, key, "a completion needs at least one part");
        }
        int previous = 0;
        for (CompletedPart p : parts) {
            if (p.partNumber() < SupportsMultipart.MIN_PART_NUMBER || p.partNumber() > SupportsMultipart.MAX_PART_NUMBER) {
                throw new BlobStoreException(BlobError.INVALID_PART, storeId, key, "part number " + p.partNumber() + " is out of range");
            }
            if (p.partNumber() <= previous) {
                throw new BlobStoreException(BlobError.INVALID_PART_ORDER, storeId, key, "part numbers must ascend strictly");
            }
            previous = p.partNumber();
        }
        List<StoredMeta> metas = new ArrayList<>(parts.size());
        for (CompletedPart p : parts) {
            StoredMeta meta = uploads.part(key.bucket(), uploadId, p.partNumber());
            if (meta == null || !meta.etag().equals(unquote(p.etag()))) {
                throw new BlobStoreException(BlobError.INVALID_PART, storeId, key,
                        "part " + p.partNumber() + (meta == null ? " was not uploaded" : " has another ETag"));
            }
            metas.add(meta);
        }
        MultipartChecksums.checkParts(storeId, key, parts, metas.stream().map(StoredMeta::checksums).toList());
        for (int i = 0; i < metas.size() - 1; i++) {
            if (metas.get(i).size() < minPartSize) {
                throw new BlobStoreException(BlobError.ENTITY_TOO_SMALL, storeId, key,
                        "part " + parts.get(i).partNumber() + " is smaller than the minimum part size " + minPartSize);
            }
        }
        return metas;
    }

    private static String unquote(String etag) {
        return etag != null && etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")
                ? etag.substring(1, etag.length() - 1) : etag;
    }

    private static StoredMeta compose(MultipartUpload upload, String uploadId, List<CompletedPart> parts, List<StoredMeta> metas) {
        WriteOptions o = upload.options();
        String etag = MultipartChecksums.etag(metas.stream().map(StoredMeta::etag).toList());
        List<MultipartChecksums.Part> digests = metas.stream().map(m -> new MultipartChecksums.Part(m.size(), m.checksums())).toList();
        Map<ChecksumAlgorithm, String> checksums = MultipartChecksums.object(digests, o.extraChecksums(), upload.checksumType());
        List<Map<ChecksumAlgorithm, String>> partSums = MultipartChecksums.perPart(digests, checksums);
        List<StoredMeta.Segment> segs = new ArrayList<>(parts.size());
        long size = 0;
        for (int i = 0; i < parts.size(); i++) {
            segs.add(new StoredMeta.Segment(parts.get(i).partNumber(), metas.get(i).size(), partSums.isEmpty() ? Map.of() : partSums.get(i)));
            size += metas.get(i).size();
        }
        return new StoredMeta(size, System.currentTimeMillis(), etag,
                o.contentType() == null || o.contentType().isEmpty() ? ObjectInfo.DEFAULT_CONTENT_TYPE : o.contentType(),
                o.contentHeaders(), o.userMetadata(), checksums,
                new StoredMeta.Composite(uploadId, segs));
    }

    private void writeManifest(Path tmp, StoredMeta meta) throws IOException {
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(ObjectFormat.trailer(meta));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            durability.syncFile(ch);
        }
    }

    /**
     * Deletes the segments of a composite version that a publish or delete just replaced. A crash
     * before this leaves an unreferenced segment directory (space only; a sweeper's job).
     */
    void releaseReplaced(BlobKey key, StoredMeta previous) {
        if (previous == null || !previous.isComposite()) {
            return;
        }
        try {
            segments.delete(key.bucket(), previous.composite().uploadId());
        } catch (IOException e) {
            LOG.warn("local store: could not delete the segments of replaced multipart object {}: {}", key, e.toString());
        }
    }

    /** The current version's metadata, or null when there is none or it is unreadable. */
    private StoredMeta readCurrent(BlobKey key) throws IOException {
        try (FileChannel ch = FileChannel.open(layout.objectFile(key), StandardOpenOption.READ)) {
            return ObjectFormat.read(ch);
        } catch (java.nio.file.NoSuchFileException | CorruptObjectException e) {
            return null;
        }
    }

    private static boolean referencesUpload(StoredMeta meta, String uploadId) {
        return meta != null && meta.isComposite() && meta.composite().uploadId().equals(uploadId);
    }

    private MultipartUpload requireLive(BlobKey key, String uploadId) throws IOException {
        MultipartUpload upload = uploads.find(key, uploadId);
        if (upload == null) {
            throw noSuchUpload(key);
        }
        return upload;
    }

    /** Uploads are locked by (bucket, id) in their own lock file, so they never contend with key locks. */
    private static BlobKey lockKey(BlobKey key, String uploadId) {
        return new BlobKey(key.bucket(), uploadId);
    }

    private BlobStoreException noSuchUpload(BlobKey key) {
        return new BlobStoreException(BlobError.NO_SUCH_UPLOAD, storeId, key, "no such upload");
    }

    private static void deleteQuietly(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            LOG.warn("could not delete temporary file {}; it is removed at the next start", tmp, e);
        }
    }
}
