package dev.cairn.blob.replicated;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStoreException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The upload id the replicated store hands out: the initiation time, then every replica's own
 * upload id, each slot base64url-encoded (so any id a backend mints, dots included, fits) and
 * empty for a replica that has no part in the upload:
 * {@code <12 hex digits of epoch millis>.<slot 0>.<slot 1>...}. The time prefix makes the
 * lexicographic order of one key's ids their initiation order, which the upload listing and its
 * upload-id marker rely on.
 */
record CompositeUploadId(long initiatedMillis, List<String> slots) {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    CompositeUploadId {
        slots = List.copyOf(slots);
    }

    /** The id as the client sees it. */
    String text() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%012x", initiatedMillis));
        for (String s : slots) {
            sb.append('.');
            if (!s.isEmpty()) {
                sb.append(ENCODER.encodeToString(s.getBytes(StandardCharsets.UTF_8)));
            }
        }
        return sb.toString();
    }

    Instant initiated() {
        return Instant.ofEpochMilli(initiatedMillis);
    }

    /** The replicas that hold a part of this upload, in preference order. */
    List<Integer> holders() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            if (!slots.get(i).isEmpty()) {
                out.add(i);
            }
        }
        return out;
    }

    String slot(int replica) {
        return slots.get(replica);
    }

    /**
     * Parses an id for a set of {@code replicas}.
     *
     * @throws BlobStoreException {@link BlobError#NO_SUCH_UPLOAD} for anything this store did not
     *     mint: wrong number of slots, a bad time prefix, a slot that is not base64url, no slot at all
     */
    static CompositeUploadId parse(String text, int replicas, BlobKey key) {
        if (text == null) {
            throw malformed(key);
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != replicas + 1 || parts[0].length() != 12 || !lowerHex(parts[0])) {
            throw malformed(key);
        }
        List<String> slots = new ArrayList<>(replicas);
        boolean any = false;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i];
            if (p.isEmpty()) {
                slots.add("");
                continue;
            }
            if (!base64Url(p)) {
                throw malformed(key);
            }
            String decoded;
            try {
                decoded = new String(DECODER.decode(p), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw malformed(key);
            }
            if (decoded.isEmpty() || !ENCODER.encodeToString(decoded.getBytes(StandardCharsets.UTF_8)).equals(p)) {
                throw malformed(key);
            }
            slots.add(decoded);
            any = true;
        }
        if (!any) {
            throw malformed(key);
        }
        return new CompositeUploadId(Long.parseLong(parts[0], 16), slots);
    }

    private static BlobStoreException malformed(BlobKey key) {
        return new BlobStoreException(BlobError.NO_SUCH_UPLOAD, ReplicaCalls.STORE_ID, key, "no such upload (malformed upload id)");
    }

    private static boolean lowerHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean base64Url(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
