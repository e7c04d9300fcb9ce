package dev.cairn.perf;

/** The servers the rig can start and drive side by side. */
enum TargetKind {
    /** The gateway's runnable jar, local backend by default. */
    CAIRN,
    /** S3Proxy 2.6.0 from Maven Central, jclouds filesystem backend. */
    S3PROXY,
    /** nginx serving the seeded bytes as static files: the "near the limit" reference for reads. */
    NGINX;

    String id() {
        return Ids.id(this);
    }

    /** @throws IllegalArgumentException naming the accepted values */
    static TargetKind parse(String text) {
        return Ids.parse(TargetKind.class, text, "target");
    }
}
