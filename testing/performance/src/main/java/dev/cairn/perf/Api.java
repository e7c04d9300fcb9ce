package dev.cairn.perf;

import java.util.Locale;

/** The protocol a workload speaks: SigV4-signed S3 (path style) or Cairn's OAP object API. */
enum Api {
    S3, OAP;

    /** The name used on the command line, in the simulations' {@code cairn.perf.api} and in the summary. */
    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the accepted values */
    static Api parse(String text) {
        for (Api api : values()) {
            if (api.id().equals(text)) {
                return api;
            }
        }
        throw new IllegalArgumentException("unknown API '" + text + "' (s3 or oap)");
    }
}
