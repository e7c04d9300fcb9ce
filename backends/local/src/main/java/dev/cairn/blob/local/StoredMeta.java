package dev.cairn.blob.local;

import dev.cairn.blob.BlobKey;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The metadata stored in an object file's trailer: everything in {@link ObjectInfo} except the
 * key, which the file's path names. {@code composite} is null for an object whose bytes are in
 * the file itself, and describes the segment files of a completed multipart upload otherwise.
 */
record StoredMeta(
        long size,
        long lastModifiedMillis,
        String etag,
        String contentType,
        Map<String, String> contentHeaders,
        Map<String, String> userMetadata,
        Map<ChecksumAlgorithm, String> checksums,
        Composite composite) {

    /** An object whose bytes precede the trailer in the same file. */
    StoredMeta(long size, long lastModifiedMillis, String etag, String contentType, Map<String, String> contentHeaders,
            Map<String, String> userMetadata, Map<ChecksumAlgorithm, String> checksums) {
        this(size, lastModifiedMillis, etag, contentType, contentHeaders, userMetadata, checksums, null);
    }

    boolean isComposite() {
        return composite != null;
    }

    ObjectInfo toInfo(BlobKey key) {
        List<Long> partSizes = composite == null ? List.of() : composite.segments().stream().map(Segment::size).toList();
        List<Map<ChecksumAlgorithm, String>> partChecksums = composite == null
                || composite.segments().stream().allMatch(s -> s.checksums().isEmpty())
                ? List.of() : composite.segments().stream().map(Segment::checksums).toList();
        return new ObjectInfo(key, size, etag, Instant.ofEpochMilli(lastModifiedMillis), contentType,
                contentHeaders, userMetadata, checksums, partSizes, partChecksums);
    }

    /**
     * Where a multipart object's bytes are: the segment files of upload {@code uploadId}, in order
     * (see {@link Layout#segmentDir}). The segments are the part files themselves, hard-linked.
     */
    record Composite(String uploadId, List<Segment> segments) {
        Composite {
            segments = List.copyOf(segments);
        }

        long size() {
            long total = 0;
            for (Segment s : segments) {
                total += s.size();
            }
            return total;
        }
    }

    /**
     * One segment: the part it came from, its data length, and the part checksums kept for part
     * reads (empty unless the object has COMPOSITE flexible checksums).
     */
    record Segment(int partNumber, long size, Map<ChecksumAlgorithm, String> checksums) {
        Segment {
            checksums = Map.copyOf(checksums);
        }

        Segment(int partNumber, long size) {
            this(partNumber, size, Map.of());
        }
    }
}
