package dev.cairn.gateway.s3.ops;

import dev.cairn.gateway.s3.S3Request;
import dev.cairn.gateway.s3.error.S3ErrorCode;
import dev.cairn.gateway.s3.error.S3Exception;
import java.util.Map;

/** The {@code uploadId} query parameter of the operations on one upload. */
final class UploadIds {
    private UploadIds() {
    }

    /**
     * @return the upload id, as sent
     * @throws S3Exception NoSuchUpload for an empty id, which no upload can have (the router only
     *     sends requests that carry the parameter)
     */
    static String of(S3Request req) {
        String id = req.query().first("uploadId");
        if (id == null || id.isEmpty()) {
            throw new S3Exception(S3ErrorCode.NoSuchUpload, null, Map.of("UploadId", id == null ? "" : id));
        }
        return id;
    }
}
