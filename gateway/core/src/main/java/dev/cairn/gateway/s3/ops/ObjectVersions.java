package dev.cairn.gateway.s3.ops;

import dev.cairn.gateway.s3.error.S3ErrorCode;
import dev.cairn.gateway.s3.error.S3Exception;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Version ids in an unversioned namespace. Every Cairn object is the {@code null} version, the id
 * S3 gives objects in a bucket that never had versioning, so {@code versionId=null} addresses the
 * current object. Cairn never issues any other id, so any other value is malformed as far as this
 * gateway is concerned, and S3 answers a malformed id with 400 InvalidArgument (a well-formed id
 * that names no version would be 404 NoSuchVersion, which no id can be here).
 */
final class ObjectVersions {
    static final String NULL_VERSION = "null";

    private ObjectVersions() {
    }

    /**
     * Accepts an absent or {@code null} version id.
     *
     * @param versionId the {@code versionId} value, or null when absent
     * @throws S3Exception InvalidArgument for any other value
     */
    static void requireCurrent(String versionId) {
        S3Exception problem = problem(versionId);
        if (problem != null) {
            throw problem;
        }
    }

    /** The error for a version id that is not the current (null) version, or null when it is acceptable. */
    static S3Exception problem(String versionId) {
        if (versionId == null || versionId.equals(NULL_VERSION)) {
            return null;
        }
        if (versionId.isEmpty()) {
            return new S3Exception(S3ErrorCode.InvalidArgument, "Version id cannot be the empty string",
                    orderedDetails("ArgumentName", "versionId", "ArgumentValue", ""));
        }
        return new S3Exception(S3ErrorCode.InvalidArgument, "Invalid version id specified",
                orderedDetails("ArgumentName", "versionId", "ArgumentValue", versionId));
    }

    private static Map<String, String> orderedDetails(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
