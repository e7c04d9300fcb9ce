package dev.cairn.blob;

import dev.cairn.blob.digest.ChecksumAlgorithm;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How to write an object.
 *
 * @param precondition checked atomically with the publish; never null
 * @param contentType media type to store, or null for the default
 * @param contentHeaders other representation headers to store (lower-case names)
 * @param userMetadata user metadata (lower-case names, no {@code x-amz-meta-} prefix)
 * @param expectedChecksums digests the body must have, in each algorithm's text form; the write
 *     fails with {@link BlobError#BAD_DIGEST} and publishes nothing if any differs
 * @param extraChecksums further algorithms to compute and store (beyond B3 and MD5, which are
 *     always computed)
 */
public record WriteOptions(
        WritePrecondition precondition,
        String contentType,
        Map<String, String> contentHeaders,
        Map<String, String> userMetadata,
        Map<ChecksumAlgorithm, String> expectedChecksums,
        java.util.Set<ChecksumAlgorithm> extraChecksums) {

    public static final WriteOptions DEFAULTS = new WriteOptions(WritePrecondition.NONE, null, null, null, null, null);

    public WriteOptions {
        Objects.requireNonNull(precondition, "precondition");
        contentHeaders = contentHeaders == null ? Map.of() : Map.copyOf(new TreeMap<>(contentHeaders));
        userMetadata = userMetadata == null ? Map.of() : Map.copyOf(new TreeMap<>(userMetadata));
        expectedChecksums = expectedChecksums == null || expectedChecksums.isEmpty()
                ? Map.of() : Map.copyOf(new EnumMap<>(expectedChecksums));
        extraChecksums = extraChecksums == null ? java.util.Set.of() : java.util.Set.copyOf(extraChecksums);
    }

    public WriteOptions withPrecondition(WritePrecondition p) {
        return new WriteOptions(p, contentType, contentHeaders, userMetadata, expectedChecksums, extraChecksums);
    }

    public WriteOptions withContentType(String type) {
        return new WriteOptions(precondition, type, contentHeaders, userMetadata, expectedChecksums, extraChecksums);
    }

    public WriteOptions withUserMetadata(Map<String, String> meta) {
        return new WriteOptions(precondition, contentType, contentHeaders, meta, expectedChecksums, extraChecksums);
    }

    public WriteOptions withContentHeaders(Map<String, String> headers) {
        return new WriteOptions(precondition, contentType, headers, userMetadata, expectedChecksums, extraChecksums);
    }

    public WriteOptions withExpected(ChecksumAlgorithm algorithm, String value) {
        Map<ChecksumAlgorithm, String> m = new EnumMap<>(ChecksumAlgorithm.class);
        m.putAll(expectedChecksums);
        m.put(algorithm, value);
        return new WriteOptions(precondition, contentType, contentHeaders, userMetadata, m, extraChecksums);
    }
}
