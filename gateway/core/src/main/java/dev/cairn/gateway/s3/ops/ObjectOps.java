package dev.cairn.gateway.s3.ops;

import dev.cairn.blob.BlobStore;
import dev.cairn.gateway.s3.S3Handler;
import dev.cairn.gateway.s3.route.S3Operation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;

/**
 * The object operations: PutObject, GetObject, HeadObject, CopyObject, DeleteObject and
 * DeleteObjects. Each lives in its own class; this one wires them to their operations.
 *
 * <p>Metrics: {@value #INTEGRITY_FAIL}{@code {reason="checksum_mismatch"}} counts writes refused
 * because the bytes did not match the client's Content-MD5, flexible checksum or
 * {@value ObjectHeaders#BLAKE3_HEADER} (400 BadDigest).
 *
 * <p>Response header {@value ObjectHeaders#BLAKE3_HEADER} carries the object's BLAKE3 (lowercase
 * hex) on GetObject, HeadObject, PutObject and CopyObject; on PutObject and CopyObject requests it
 * is the BLAKE3 the client expects, verified before the object is published.
 */
public final class ObjectOps {
    /** Counter of integrity failures; public API, like every metric name. */
    public static final String INTEGRITY_FAIL = "integrity.fail";

    private final PutObject put;
    private final GetObject get;
    private final CopyObject copy;
    private final DeleteObjects delete;

    public ObjectOps(BlobStore store, MeterRegistry registry) {
        Counter checksumMismatch = Counter.builder(INTEGRITY_FAIL)
                .description("Bodies refused because they did not match a digest")
                .tag("reason", "checksum_mismatch")
                .register(registry);
        this.put = new PutObject(store, checksumMismatch);
        this.get = new GetObject(store);
        this.copy = new CopyObject(store, checksumMismatch);
        this.delete = new DeleteObjects(store);
    }

    public void register(Map<S3Operation, S3Handler> handlers) {
        handlers.put(S3Operation.PUT_OBJECT, put::put);
        handlers.put(S3Operation.GET_OBJECT, get::get);
        handlers.put(S3Operation.HEAD_OBJECT, get::head);
        handlers.put(S3Operation.COPY_OBJECT, copy::copy);
        handlers.put(S3Operation.DELETE_OBJECT, delete::deleteOne);
        handlers.put(S3Operation.DELETE_OBJECTS, delete::deleteMany);
    }
}
