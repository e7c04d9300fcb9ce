package dev.cairn.gateway.s3.ops;

import dev.cairn.blob.BlobStore;
import dev.cairn.blob.BucketInfo;
import dev.cairn.gateway.s3.S3Handler;
import dev.cairn.gateway.s3.S3Request;
import dev.cairn.gateway.s3.S3Response;
import dev.cairn.gateway.s3.S3Settings;
import dev.cairn.gateway.s3.error.S3ErrorCode;
import dev.cairn.gateway.s3.error.S3Exception;
import dev.cairn.gateway.s3.route.BucketNames;
import dev.cairn.gateway.s3.route.S3Operation;
import dev.cairn.gateway.s3.xml.SafeXmlReader;
import dev.cairn.gateway.s3.xml.XmlWriter;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;

/** ListBuckets, CreateBucket, HeadBucket, DeleteBucket, GetBucketLocation. */
public final class BucketOps {
    /** Paths the gateway's own routes own, so path-style requests could never reach such a bucket. */
    static final Set<String> RESERVED = Set.of("put", "healthz", "readyz", "metrics");
    private static final int MAX_CONFIGURATION_BYTES = 4096;

    private final BlobStore store;
    private final S3Settings settings;

    public BucketOps(BlobStore store, S3Settings settings) {
        this.store = store;
        this.settings = settings;
    }

    public void register(Map<S3Operation, S3Handler> handlers) {
        handlers.put(S3Operation.LIST_BUCKETS, this::listBuckets);
        handlers.put(S3Operation.CREATE_BUCKET, this::createBucket);
        handlers.put(S3Operation.HEAD_BUCKET, this::headBucket);
        handlers.put(S3Operation.DELETE_BUCKET, this::deleteBucket);
        handlers.put(S3Operation.GET_BUCKET_LOCATION, this::getBucketLocation);
    }

    S3Response listBuckets(S3Request req) {
        XmlWriter w = XmlWriter.document("ListAllMyBucketsResult");
        Owner.write(w, settings);
        w.start("Buckets");
        for (BucketInfo b : store.listBuckets()) {
            if (b.name().startsWith(".")) {
                continue; // internal namespaces (the OAP blob space) are not S3 buckets
            }
            w.start("Bucket").element("Name", b.name()).element("CreationDate", Timestamps.iso(b.created())).end();
        }
        w.end();
        return S3Response.xml(w.finish());
    }

    S3Response createBucket(S3Request req) throws IOException {
        String name = req.bucket();
        String problem = BucketNames.problem(name);
        if (problem == null && RESERVED.contains(name)) {
            problem = "The bucket name '" + name + "' is reserved by Cairn for its own endpoints.";
        }
        if (problem != null) {
            throw new S3Exception(S3ErrorCode.InvalidBucketName, problem, Map.of("BucketName", name));
        }
        readLocationConstraint(req);
        store.createBucket(req.storeBucket());
        return S3Response.empty(200).header("Location", "/" + name);
    }

    /**
     * Accepts an optional {@code CreateBucketConfiguration}. Cairn serves one region, so any
     * well-formed LocationConstraint is accepted and the bucket reports the gateway's region.
     */
    private void readLocationConstraint(S3Request req) throws IOException {
        long declared = req.body().length();
        if (declared == 0) {
            return;
        }
        InputStream in = req.body().stream();
        byte[] first = in.readNBytes(1);
        if (first.length == 0) {
            return;
        }
        InputStream whole = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(first), in);
        SafeXmlReader.Node root = SafeXmlReader.parse(whole, MAX_CONFIGURATION_BYTES, 16);
        if (!root.name().equals("CreateBucketConfiguration")) {
            throw new S3Exception(S3ErrorCode.MalformedXML);
        }
    }

    S3Response headBucket(S3Request req) {
        String bucket = req.storeBucket();
        if (!store.bucketExists(bucket)) {
            throw new S3Exception(S3ErrorCode.NoSuchBucket, null, Map.of("BucketName", bucket));
        }
        return S3Response.empty(200).header("x-amz-bucket-region", settings.region());
    }

    S3Response deleteBucket(S3Request req) {
        store.deleteBucket(req.storeBucket());
        return S3Response.empty(204);
    }

    S3Response getBucketLocation(S3Request req) {
        String bucket = req.storeBucket();
        if (!store.bucketExists(bucket)) {
            throw new S3Exception(S3ErrorCode.NoSuchBucket, null, Map.of("BucketName", bucket));
        }
        // S3 answers an empty constraint for us-east-1, the region that predates constraints.
        String region = settings.region().equals("us-east-1") ? "" : settings.region();
        return S3Response.xml(XmlWriter.document("LocationConstraint").text(region).finish());
    }
}
