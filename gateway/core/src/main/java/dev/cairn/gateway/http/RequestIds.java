package dev.cairn.gateway.http;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids: 16 upper-case hex digits, the shape of S3's {@code x-amz-request-id}. The server
 * assigns one to every request before any handler runs; {@link HttpCall} makes one only for
 * callers outside the server (tests, benchmarks).
 */
public final class RequestIds {
    private RequestIds() {
    }

    /** A new id. Ids only need to be unique enough to find a log line, not unguessable. */
    public static String next() {
        return String.format("%016X", ThreadLocalRandom.current().nextLong());
    }
}
