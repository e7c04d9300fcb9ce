package dev.cairn.blob.replicated;

import dev.cairn.blob.BlobKey;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The (key, replica) pairs whose copy failed verification and has not been repaired since: reads
 * of such a key ask those replicas last, so the retry after a failed streaming read is served from
 * a good copy. Bounded (the oldest entry goes first) because it is only a preference: a forgotten
 * suspect is verified again on its next whole read and marked again. Thread-safe.
 */
final class HedgeSuspects {
    static final int DEFAULT_CAPACITY = 10_000;

    private record Suspect(BlobKey key, int replica) {
    }

    private final Map<Suspect, Boolean> suspects;

    HedgeSuspects(int capacity) {
        this.suspects = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Suspect, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void mark(BlobKey key, int replica) {
        suspects.put(new Suspect(key, replica), Boolean.TRUE);
    }

    /** The copy on {@code replica} is good again (written or repaired). */
    synchronized void clear(BlobKey key, int replica) {
        suspects.remove(new Suspect(key, replica));
    }

    synchronized boolean isSuspect(BlobKey key, int replica) {
        return suspects.containsKey(new Suspect(key, replica));
    }

    /**
     * Moves the suspects of {@code key} to the end of {@code order} (replica indexes), in place; the
     * others and the suspects each keep their relative order. At most 64 entries (a replica set's
     * limit, {@link HedgeOrder#MAX_REPLICAS}).
     */
    void moveLast(BlobKey key, int[] order) {
        long suspect = 0;
        synchronized (this) {
            if (suspects.isEmpty()) {
                return;
            }
            for (int i = 0; i < order.length; i++) {
                suspect |= suspects.containsKey(new Suspect(key, order[i])) ? 1L << i : 0;
            }
        }
        if (suspect == 0) {
            return;
        }
        int[] before = order.clone();
        int n = 0;
        for (int pass = 0; pass < 2; pass++) {
            // first the good copies, then the suspects
            for (int i = 0; i < before.length; i++) {
                if (((suspect & (1L << i)) != 0) == (pass == 1)) {
                    order[n++] = before[i];
                }
            }
        }
    }
}
