package dev.cairn.gateway.s3.route;

/** What a request addresses: the service, one bucket, or one object. */
public enum Scope {
    SERVICE,
    BUCKET,
    OBJECT
}
