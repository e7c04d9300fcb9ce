package dev.cairn.blob.memory;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.SupportsMultipart.CompletedPart;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.blob.digest.StreamingDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * Checks a completion request against the stored parts and derives the object from them: the
 * bytes (the parts' chunks shared, not copied), the multipart ETag, the composite digests and the
 * part sizes. Nothing here reads part data, so completion costs the same for any object size.
 */
final class PartAssembly {
    /**
     * A checked completion.
     *
     * @param unusedBytes bytes of stored parts the request left out, to be freed
     */
    record Assembled(ChunkedBytes bytes, String etag, Map<ChecksumAlgorithm, String> checksums, List<Long> partSizes,
            long unusedBytes) {
    }

    private PartAssembly() {
    }

    /**
     * @param composites algorithms besides B3 to give the object a composite digest of (every
     *     stored part has them: the upload's {@code extraChecksums} are computed for each part)
     * @throws BlobStoreException {@link BlobError#INVALID_ARGUMENT} for an empty list;
     *     {@link BlobError#INVALID_PART_ORDER}; {@link BlobError#INVALID_PART}; {@link BlobError#ENTITY_TOO_SMALL}
     */
    static Assembled assemble(BlobKey key, SortedMap<Integer, StoredPart> stored, List<CompletedPart> requested,
            long minPartSize, Set<ChecksumAlgorithm> composites) {
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
        return derive(stored, parts, composites);
    }

    private static Assembled derive(SortedMap<Integer, StoredPart> stored, List<StoredPart> parts, Set<ChecksumAlgorithm> composites) {
        List<ChunkedBytes> bytes = new ArrayList<>(parts.size());
        List<Long> sizes = new ArrayList<>(parts.size());
        long used = 0;
        for (StoredPart p : parts) {
            bytes.add(p.bytes());
            sizes.add(p.size());
            used += p.size();
        }
        long total = 0;
        for (StoredPart p : stored.values()) {
            total += p.size();
        }
        String etag = composite(ChecksumAlgorithm.MD5, parts);
        Map<ChecksumAlgorithm, String> checksums = new EnumMap<>(ChecksumAlgorithm.class);
        checksums.put(ChecksumAlgorithm.B3, composite(ChecksumAlgorithm.B3, parts));
        for (ChecksumAlgorithm a : composites) {
            // MD5 is the ETag, and the whole-object MD5 is unknown without reading every byte.
            if (a != ChecksumAlgorithm.MD5) {
                checksums.put(a, composite(a, parts));
            }
        }
        return new Assembled(ChunkedBytes.concat(bytes), etag, checksums, sizes, total - used);
    }

    /**
     * {@code text(digest(raw1 ‖ … ‖ rawN))-N}: the S3 multipart ETag for MD5, the composite BLAKE3
     * of ADR 0007 for B3, and S3's composite checksum form for the others.
     */
    static String composite(ChecksumAlgorithm algorithm, List<StoredPart> parts) {
        StreamingDigest digest = algorithm.newDigest();
        for (StoredPart p : parts) {
            byte[] raw = raw(algorithm, p.info().checksums().get(algorithm));
            digest.update(raw, 0, raw.length);
        }
        return algorithm.toText(digest.finish()) + "-" + parts.size();
    }

    /** The raw digest behind a text form: hex for B3 and MD5, base64 for the rest ({@link ChecksumAlgorithm#toText}). */
    private static byte[] raw(ChecksumAlgorithm algorithm, String text) {
        return algorithm == ChecksumAlgorithm.B3 || algorithm == ChecksumAlgorithm.MD5
                ? HexFormat.of().parseHex(text)
                : Base64.getDecoder().decode(text);
    }

    /** S3 clients send the part ETags quoted, as the ETag header carried them. */
    private static String unquoted(String etag) {
        return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"") ? etag.substring(1, etag.length() - 1) : etag;
    }

    private static BlobStoreException error(BlobError error, BlobKey key, String message) {
        return new BlobStoreException(error, MemoryBlobStore.ID, key, message);
    }
}
