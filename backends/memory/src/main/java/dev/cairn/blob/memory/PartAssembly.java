package dev.cairn.blob.memory;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.MultipartChecksums;
import dev.cairn.blob.SupportsMultipart.CompletedPart;
import dev.cairn.blob.SupportsMultipart.MultipartUpload;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Checks a completion request against the stored parts and derives the object from them: the
 * bytes (the parts' chunks shared, not copied), the multipart ETag, the object's digests
 * ({@link MultipartChecksums}) and the part sizes. Nothing here reads part data, so completion costs the same for any object size.
 */
final class PartAssembly {
    /**
     * A checked completion.
     *
     * @param unusedBytes bytes of stored parts the request left out, to be freed
     */
    record Assembled(ChunkedBytes bytes, String etag, Map<ChecksumAlgorithm, String> checksums, List<Long> partSizes,
            List<Map<ChecksumAlgorithm, String>> partChecksums, long unusedBytes) {
    }

    private PartAssembly() {
    }

    /**
     * @param upload whose {@code extraChecksums} every stored part carries and the object gets
     *     ({@link MultipartChecksums#object})
     * @throws BlobStoreException {@link BlobError#INVALID_ARGUMENT} for an empty list;
     *     {@link BlobError#INVALID_PART_ORDER}; {@link BlobError#INVALID_PART} (also for a named part
     *     checksum that differs); {@link BlobError#ENTITY_TOO_SMALL}
     */
    static Assembled assemble(BlobKey key, SortedMap<Integer, StoredPart> stored, List<CompletedPart> requested,
            long minPartSize, MultipartUpload upload) {
        if (requested.isEmpty()) {
            throw error(BlobError.INVALID_ARGUMENT, key, "a completion must name at least one part");
        }
        int previous = Integer.MIN_VALUE;
        for (CompletedPart p : requested) {
            if (p.partNumber() <= previous) {
                throw error(BlobError.INVALID_PART_ORDER, key, "part " + p.partNumber() + " follows part " + previous);
            }
            previous = p.partNumber();
        }
        List<StoredPart> parts = new ArrayList<>(requested.size());
        for (CompletedPart p : requested) {
            StoredPart part = stored.get(p.partNumber());
            if (part == null || !part.info().etag().equals(unquoted(p.etag()))) {
                throw error(BlobError.INVALID_PART, key, part == null
                        ? "part " + p.partNumber() + " was not uploaded"
                        : "part " + p.partNumber() + " has ETag " + part.info().etag() + ", not " + p.etag());
            }
            parts.add(part);
        }
        for (int i = 0; i < parts.size() - 1; i++) {
            if (parts.get(i).size() < minPartSize) {
                throw error(BlobError.ENTITY_TOO_SMALL, key, "part " + requested.get(i).partNumber() + " has "
                        + parts.get(i).size() + " bytes, under the minimum of " + minPartSize + " for all but the last part");
            }
        }
        MultipartChecksums.checkParts(MemoryBlobStore.ID, key, requested, parts.stream().map(p -> p.info().checksums()).toList());
        return derive(stored, parts, upload);
    }

    private static Assembled derive(SortedMap<Integer, StoredPart> stored, List<StoredPart> parts, MultipartUpload upload) {
        List<ChunkedBytes> bytes = new ArrayList<>(parts.size());
        List<Long> sizes = new ArrayList<>(parts.size());
        List<String> etags = new ArrayList<>(parts.size());
        List<MultipartChecksums.Part> digests = new ArrayList<>(parts.size());
        long used = 0;
        for (StoredPart p : parts) {
            bytes.add(p.bytes());
            sizes.add(p.size());
            etags.add(p.info().etag());
            digests.add(new MultipartChecksums.Part(p.size(), p.info().checksums()));
            used += p.size();
        }
        long total = 0;
        for (StoredPart p : stored.values()) {
            total += p.size();
        }
        Map<ChecksumAlgorithm, String> checksums = MultipartChecksums.object(digests, upload.options().extraChecksums(),
                upload.checksumType());
        return new Assembled(ChunkedBytes.concat(bytes), MultipartChecksums.etag(etags), checksums, sizes,
                MultipartChecksums.perPart(digests, checksums), total - used);
    }

    /** S3 clients send the part ETags quoted, as the ETag header carried them. */
    private static String unquoted(String etag) {
        return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"") ? etag.substring(1, etag.length() - 1) : etag;
    }

    private static BlobStoreException error(BlobError error, BlobKey key, String message) {
        return new BlobStoreException(error, MemoryBlobStore.ID, key, message);
    }
}
