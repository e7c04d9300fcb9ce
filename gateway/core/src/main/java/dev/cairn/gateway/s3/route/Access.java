package dev.cairn.gateway.s3.route;

/** What an operation needs from the caller, for the authorizer. */
public enum Access {
    /** Reads objects or listings of one bucket. */
    READ,
    /** Creates, overwrites or deletes objects in one bucket. */
    WRITE,
    /** Creates, deletes or describes buckets, or lists every bucket. */
    OWNER
}
