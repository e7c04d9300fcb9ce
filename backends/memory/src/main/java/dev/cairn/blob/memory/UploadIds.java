package dev.cairn.blob.memory;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * Issues upload ids with their initiation times. An id is 16 hex digits of a sequence number
 * followed by 16 random base64url characters: opaque and URL-safe, unguessable, and (because the
 * sequence comes first and is fixed-width) ordered like the initiation times. So listing uploads
 * of one key by id is listing them by initiation, and S3's rule that {@code upload-id-marker}
 * selects ids "lexicographically greater" agrees with the listing order.
 */
final class UploadIds {
    /** An id and the time its upload started; later ids never have earlier times. */
    record Issued(String id, Instant initiated) {
    }

    private final SecureRandom random = new SecureRandom();
    private long sequence;
    private Instant last = Instant.EPOCH;

    synchronized Issued next() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // A clock step backwards must not reorder initiation against the id sequence.
        last = now.isAfter(last) ? now : last;
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        String id = String.format("%016x", sequence++) + Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
        return new Issued(id, last);
    }
}
