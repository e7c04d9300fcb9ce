package dev.cairn.gateway.s3;

import dev.cairn.blob.BlobKey;
import dev.cairn.gateway.http.Headers;
import dev.cairn.gateway.http.HttpCall;
import dev.cairn.gateway.s3.auth.Principal;
import dev.cairn.gateway.s3.auth.VerifiedRequest;
import dev.cairn.gateway.s3.error.S3ErrorCode;
import dev.cairn.gateway.s3.error.S3Exception;
import dev.cairn.gateway.s3.route.ParsedRequest;
import dev.cairn.gateway.s3.route.QueryParams;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** One authenticated, authorized, routed S3 request, as handlers see it. */
public final class S3Request {
    private final HttpCall call;
    private final ParsedRequest parsed;
    private final VerifiedRequest auth;
    private final Principal principal;
    private final Supplier<RequestBody> bodyOpener;
    private RequestBody body;

    S3Request(HttpCall call, ParsedRequest parsed, VerifiedRequest auth, Principal principal, Supplier<RequestBody> bodyOpener) {
        this.call = call;
        this.parsed = parsed;
        this.auth = auth;
        this.principal = principal;
        this.bodyOpener = bodyOpener;
    }

    public String method() {
        return call.method();
    }

    public String requestId() {
        return call.requestId();
    }

    public Headers headers() {
        return call.headers();
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        return call.headers().first(name);
    }

    public QueryParams query() {
        return parsed.query();
    }

    public ParsedRequest parsed() {
        return parsed;
    }

    /** The verified signature, or null for an anonymous request. */
    public VerifiedRequest auth() {
        return auth;
    }

    /** Who sent the request; already authorized for this operation. */
    public Principal principal() {
        return principal;
    }

    /** The addressed bucket, or null at service scope. */
    public String bucket() {
        return parsed.bucket();
    }

    /**
     * The addressed bucket, checked to be one the S3 namespace can hold.
     *
     * @throws S3Exception NoSuchBucket for internal or unnameable buckets
     */
    public String storeBucket() {
        Buckets.requireAddressable(bucket());
        return bucket();
    }

    /** The decoded object key, or null below object scope. */
    public String key() {
        return parsed.key();
    }

    /**
     * The storage key of the addressed object.
     *
     * @throws S3Exception KeyTooLongError for keys over 1024 UTF-8 bytes; NoSuchBucket for a
     *     bucket name no bucket can have
     */
    public BlobKey blobKey() {
        return blobKey(bucket(), key());
    }

    /** As {@link #blobKey()}, for another bucket and key (copy sources). */
    public static BlobKey blobKey(String bucket, String key) {
        Buckets.requireAddressable(bucket);
        if (key.getBytes(StandardCharsets.UTF_8).length > BlobKey.MAX_KEY_BYTES) {
            throw new S3Exception(S3ErrorCode.KeyTooLongError);
        }
        return new BlobKey(bucket, key);
    }

    /** The request body, decoded and verified as it is read; opened on first use. */
    public RequestBody body() {
        if (body == null) {
            body = bodyOpener.get();
        }
        return body;
    }

    /** The first client-side failure seen while reading the body, or null (also when it was never opened). */
    S3Exception bodyFailure() {
        return body == null ? null : body.failure();
    }

    /** The S3 {@code Resource} of this request, e.g. {@code /bucket/key}. */
    public String resource() {
        if (bucket() == null) {
            return "/";
        }
        return key() == null ? "/" + bucket() : "/" + bucket() + "/" + key();
    }
}
