package dev.cairn.blob.replicated;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.ByteRange;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectReader;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.ReadOptions;
import dev.cairn.blob.SupportsMultipart;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.WritePrecondition;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.blob.digest.ChecksumType;
import io.micrometer.core.instrument.Counter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Copies one version of an object from a good replica to another, paced, so that the copy has
 * the same identity: a single-part object is rewritten with its content type, headers, user
 * metadata and every stored checksum as an expected checksum (a corrupt source is refused with
 * BAD_DIGEST, publishing nothing); a multipart object is uploaded again as a multipart upload
 * with the same part boundaries, so its ETag ({@code md5-of-md5s-N}) and composite BLAKE3 come
 * out identical, and the completion checks the composite BLAKE3.
 */
final class ObjectCopier {
    private final Counter moved;

    ObjectCopier(Counter moved) {
        this.moved = moved;
    }

    /**
     * Copies {@code version} of {@code key} from {@code source} to {@code target}.
     *
     * @param precondition guards the target against a newer write that landed meanwhile
     * @throws BlobStoreException from either store; {@link BlobError#PRECONDITION_FAILED} when the
     *     source no longer holds {@code version} or the target changed
     */
    ObjectInfo copy(BlobStore source, BlobStore target, BlobKey key, ObjectInfo version, WritePrecondition precondition, TokenBucket pacer) {
        if (version.partCount() > 0 && target instanceof SupportsMultipart mp) {
            return copyMultipart(source, mp, key, version, precondition, pacer);
        }
        try (ObjectReader reader = source.read(key, ReadOptions.WHOLE)) {
            requireSameVersion(reader.info(), version, key);
            WriteOptions options = new WriteOptions(precondition, version.contentType(), version.contentHeaders(), version.userMetadata(),
                    version.partCount() > 0 ? Map.of() : wholeObjectChecksums(version), extraAlgorithms(version));
            return target.write(key, new ObjectSource(new PacedInputStream(reader.stream(), pacer, moved), version.size()), options);
        } catch (IOException e) {
            throw new BlobStoreException(BlobError.INTERNAL, ReplicaCalls.STORE_ID, key, "closing repair source", e);
        }
    }

    private ObjectInfo copyMultipart(BlobStore source, SupportsMultipart target, BlobKey key, ObjectInfo version,
            WritePrecondition precondition, TokenBucket pacer) {
        Set<ChecksumAlgorithm> extra = extraAlgorithms(version);
        WriteOptions uploadOptions = new WriteOptions(WritePrecondition.NONE, version.contentType(), version.contentHeaders(),
                version.userMetadata(), null, extra);
        String uploadId = target.createMultipartUpload(key, uploadOptions, checksumType(version, extra)).uploadId();
        try {
            List<SupportsMultipart.CompletedPart> parts = new ArrayList<>();
            long offset = 0;
            for (int n = 1; n <= version.partCount(); n++) {
                long size = version.partSizes().get(n - 1);
                WriteOptions partOptions = new WriteOptions(WritePrecondition.NONE, null, null, null, version.partChecksums(n), null);
                SupportsMultipart.PartInfo part = size == 0
                        ? target.uploadPart(key, uploadId, n, new ObjectSource(new ByteArrayInputStream(new byte[0]), 0), partOptions)
                        : copyPart(source, target, key, version, uploadId, n, offset, size, partOptions, pacer);
                parts.add(new SupportsMultipart.CompletedPart(n, part.etag()));
                offset += size;
            }
            Map<ChecksumAlgorithm, String> expected = new EnumMap<>(ChecksumAlgorithm.class);
            expected.putAll(version.checksums());
            expected.remove(ChecksumAlgorithm.MD5);
            return target.completeMultipartUpload(key, uploadId, parts, precondition, 0, expected);
        } catch (RuntimeException e) {
            try {
                target.abortMultipartUpload(key, uploadId);
            } catch (RuntimeException ignored) {
                // the failure that matters is the one being thrown
            }
            throw e;
        }
    }

    private SupportsMultipart.PartInfo copyPart(BlobStore source, SupportsMultipart target, BlobKey key, ObjectInfo version,
            String uploadId, int n, long offset, long size, WriteOptions options, TokenBucket pacer) {
        try (ObjectReader reader = source.read(key, ReadOptions.range(new ByteRange.Closed(offset, offset + size - 1)))) {
            requireSameVersion(reader.info(), version, key);
            return target.uploadPart(key, uploadId, n, new ObjectSource(new PacedInputStream(reader.stream(), pacer, moved), size), options);
        } catch (IOException e) {
            throw new BlobStoreException(BlobError.INTERNAL, ReplicaCalls.STORE_ID, key, "closing repair source", e);
        }
    }

    /** What makes two copies the same version: size, ETag and BLAKE3. */
    static String identity(ObjectInfo info) {
        return info.size() + "/" + info.etag() + "/" + info.blake3();
    }

    private static void requireSameVersion(ObjectInfo read, ObjectInfo version, BlobKey key) {
        if (!identity(read).equals(identity(version))) {
            throw new BlobStoreException(BlobError.PRECONDITION_FAILED, ReplicaCalls.STORE_ID, key,
                    "the repair source changed while being copied");
        }
    }

    private static Map<ChecksumAlgorithm, String> wholeObjectChecksums(ObjectInfo version) {
        return version.checksums();
    }

    private static Set<ChecksumAlgorithm> extraAlgorithms(ObjectInfo version) {
        EnumSet<ChecksumAlgorithm> extra = EnumSet.noneOf(ChecksumAlgorithm.class);
        extra.addAll(version.checksums().keySet());
        extra.remove(ChecksumAlgorithm.B3);
        extra.remove(ChecksumAlgorithm.MD5);
        return extra;
    }

    /** FULL_OBJECT when a stored checksum is a whole-object value (no {@code -N}), else COMPOSITE. */
    private static ChecksumType checksumType(ObjectInfo version, Set<ChecksumAlgorithm> extra) {
        for (ChecksumAlgorithm a : extra) {
            if (ChecksumType.ofStored(version.checksums().get(a)) == ChecksumType.FULL_OBJECT) {
                return ChecksumType.FULL_OBJECT;
            }
        }
        return ChecksumType.COMPOSITE;
    }
}
