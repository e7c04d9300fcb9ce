package dev.cairn.blob;

import dev.cairn.blob.SupportsMultipart.CompletedPart;
import dev.cairn.blob.SupportsMultipart.MultipartUpload;
import dev.cairn.blob.SupportsMultipart.PartInfo;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * What a completion request makes of an upload's stored parts, judged before anything is
 * published: the chosen parts in object order and the object's digests, derived from the part
 * digests alone ({@link MultipartChecksums}). Shared by the stores that keep parts as separate
 * objects and publish by assembling them in the backend (s3, gcs), so every store applies the
 * same rules in the same order.
 *
 * @param parts the requested parts as stored, in object order
 * @param etag the multipart ETag ({@code md5-of-md5s-N})
 * @param checksums the object's checksums (B3 always; the upload's algorithms, COMPOSITE or FULL_OBJECT)
 * @param partSizes each part's size, in object order
 * @param partChecksums each part's checksums to answer part reads with (empty unless COMPOSITE)
 */
public record MultipartCompletion(List<PartInfo> parts, String etag, Map<ChecksumAlgorithm, String> checksums, List<Long> partSizes,
        List<Map<ChecksumAlgorithm, String>> partChecksums) {

    /** The object's size: the sum of its parts. */
    public long size() {
        return partSizes.stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Checks a completion request against the stored parts and derives the object's digests.
     *
     * @param stored the stored part with a number, or null when there is none
     * @param minPartSize the least size of every part but the last
     * @param expected whole-object checksums the client expects ({@link SupportsMultipart#completeMultipartUpload})
     * @throws BlobStoreException {@link BlobError#INVALID_PART} for no parts, a missing part, an ETag
     *     (quotes optional) or a per-part checksum that differs; {@link BlobError#INVALID_PART_ORDER};
     *     {@link BlobError#ENTITY_TOO_SMALL}; {@link BlobError#BAD_DIGEST} when a derived checksum
     *     is not the expected one
     */
    public static MultipartCompletion plan(String storeId, BlobKey key, MultipartUpload upload, List<CompletedPart> requested,
            IntFunction<PartInfo> stored, long minPartSize, Map<ChecksumAlgorithm, String> expected) {
        if (requested.isEmpty()) {
            throw new BlobStoreException(BlobError.INVALID_PART, storeId, key, "no parts");
        }
        for (int i = 1; i < requested.size(); i++) {
            if (requested.get(i).partNumber() <= requested.get(i - 1).partNumber()) {
                throw new BlobStoreException(BlobError.INVALID_PART_ORDER, storeId, key, "parts must be in ascending order");
            }
        }
        List<PartInfo> chosen = new ArrayList<>(requested.size());
        for (CompletedPart p : requested) {
            PartInfo info = stored.apply(p.partNumber());
            if (info == null || !info.etag().equals(unquote(p.etag()))) {
                throw new BlobStoreException(BlobError.INVALID_PART, storeId, key, "part " + p.partNumber() + " is missing or differs");
            }
            chosen.add(info);
        }
        List<Long> sizes = new ArrayList<>(chosen.size());
        List<String> etags = new ArrayList<>(chosen.size());
        List<MultipartChecksums.Part> digests = new ArrayList<>(chosen.size());
        for (int i = 0; i < chosen.size(); i++) {
            PartInfo info = chosen.get(i);
            if (i < chosen.size() - 1 && info.size() < minPartSize) {
                throw new BlobStoreException(BlobError.ENTITY_TOO_SMALL, storeId, key,
                        "part " + info.partNumber() + " is smaller than " + minPartSize + " bytes");
            }
            sizes.add(info.size());
            etags.add(info.etag());
            digests.add(new MultipartChecksums.Part(info.size(), info.checksums()));
        }
        MultipartChecksums.checkParts(storeId, key, requested, digests.stream().map(MultipartChecksums.Part::checksums).toList());
        Map<ChecksumAlgorithm, String> checksums = MultipartChecksums.object(digests, upload.options().extraChecksums(), upload.checksumType());
        MultipartChecksums.checkExpected(storeId, key, checksums, expected); // before anything is published: the upload stays whole
        return new MultipartCompletion(List.copyOf(chosen), MultipartChecksums.etag(etags), checksums, List.copyOf(sizes),
                MultipartChecksums.perPart(digests, checksums));
    }

    /** An ETag without its surrounding quotes (clients send completion ETags either way). */
    public static String unquote(String etag) {
        if (etag == null) {
            return "";
        }
        return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"") ? etag.substring(1, etag.length() - 1) : etag;
    }
}
