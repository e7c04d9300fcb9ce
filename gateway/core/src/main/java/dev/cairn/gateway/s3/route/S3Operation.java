package dev.cairn.gateway.s3.route;

/**
 * Every S3 operation Cairn routes, with the access it needs. {@link #UNSUPPORTED} is a known S3
 * sub-resource or operation Cairn does not implement (501 NotImplemented);
 * {@link #METHOD_NOT_ALLOWED} is a method that no operation on the addressed resource accepts.
 *
 * <p>{@link Access#READ} is exactly what S3's {@code public-read} canned ACL grants an anonymous
 * caller: objects, bucket existence and listings (including in-progress uploads). Everything
 * else needs a signature: GetBucketLocation is owner-only in S3, ListParts is not granted by
 * that ACL, and the two error pseudo-operations are {@link Access#OWNER} so an anonymous
 * caller learns nothing beyond AccessDenied.
 */
public enum S3Operation {
    LIST_BUCKETS(Access.OWNER),
    CREATE_BUCKET(Access.OWNER),
    HEAD_BUCKET(Access.READ),
    DELETE_BUCKET(Access.OWNER),
    GET_BUCKET_LOCATION(Access.OWNER),
    LIST_OBJECTS(Access.READ),
    LIST_OBJECTS_V2(Access.READ),
    DELETE_OBJECTS(Access.WRITE),
    LIST_MULTIPART_UPLOADS(Access.READ),
    PUT_OBJECT(Access.WRITE),
    COPY_OBJECT(Access.WRITE),
    GET_OBJECT(Access.READ),
    HEAD_OBJECT(Access.READ),
    DELETE_OBJECT(Access.WRITE),
    CREATE_MULTIPART_UPLOAD(Access.WRITE),
    UPLOAD_PART(Access.WRITE),
    UPLOAD_PART_COPY(Access.WRITE),
    COMPLETE_MULTIPART_UPLOAD(Access.WRITE),
    ABORT_MULTIPART_UPLOAD(Access.WRITE),
    LIST_PARTS(Access.WRITE),
    UNSUPPORTED(Access.OWNER),
    METHOD_NOT_ALLOWED(Access.OWNER);

    private final Access access;

    S3Operation(Access access) {
        this.access = access;
    }

    public Access access() {
        return access;
    }

    /** True for the two pseudo-operations that only ever produce an error. */
    public boolean isError() {
        return this == UNSUPPORTED || this == METHOD_NOT_ALLOWED;
    }
}
