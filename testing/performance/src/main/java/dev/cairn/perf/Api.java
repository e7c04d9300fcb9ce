package dev.cairn.perf;

/** The protocol a workload speaks: SigV4-signed S3 (path style) or Cairn's OAP object API. */
enum Api {
    S3, OAP;

    /** The name used on the command line, in the simulations' {@code cairn.perf.api} and in the summary. */
    String id() {
        return Ids.id(this);
    }

    /** @throws IllegalArgumentException naming the accepted values */
    static Api parse(String text) {
        return Ids.parse(Api.class, text, "API");
    }
}
