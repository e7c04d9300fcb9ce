package dev.cairn.gateway.s3;

import java.io.IOException;

/**
 * Handles one S3 operation. Expected failures are thrown as
 * {@link dev.cairn.gateway.s3.error.S3Exception} or {@link dev.cairn.blob.BlobStoreException};
 * the pipeline renders them. An {@link IOException} from the request body is resolved through
 * {@link RequestBody#failure()} into the client's error.
 */
@FunctionalInterface
public interface S3Handler {
    S3Response handle(S3Request request) throws IOException;
}
