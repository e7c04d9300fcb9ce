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

    /** Replica indexes 0..{@code count}-1 in preference order, the suspects of {@code key} moved to the end. */
    int[] order(BlobKey key, int count) {
        boolean[] suspect = new boolean[count];
        synchronized (this) {
            if (!suspects.isEmpty()) {
                for (int i = 0; i < count; i++) {
                    suspect[i] = suspects.containsKey(new Suspect(key, i));
                }
            }
        }
        int[] order = new int[count];
        int n = 0;
        for (int pass = 0; pass < 2; pass++) {
            // first the good copies, then the suspects, each in preference order
            for (int i = 0; i < count; i++) {
                if (suspect[i] == (pass == 1)) {
                    order[n++] = i;
                }
            }
        }
        return order;
    }
}
