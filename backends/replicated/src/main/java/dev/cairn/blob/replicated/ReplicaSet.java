package dev.cairn.blob.replicated;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.Capability;
import dev.cairn.blob.HealthReport;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The replicas of a set, in preference order, and what was last seen of each: reachable (its last
 * call or health probe answered) or not. A call that answers with a non-retryable error (absent
 * key, failed precondition) still proves the replica reachable; only {@link BlobError#UNAVAILABLE},
 * {@link BlobError#THROTTLED} and unexpected exceptions count against it.
 */
final class ReplicaSet {
    private final List<Replica> replicas;
    private final AtomicIntegerArray up;

    /**
     * @throws IllegalArgumentException for an empty list or duplicate names
     */
    ReplicaSet(List<Replica> replicas) {
        if (replicas.isEmpty()) {
            throw new IllegalArgumentException("a replica set needs at least one replica");
        }
        Set<String> names = new HashSet<>();
        for (Replica r : replicas) {
            if (!names.add(r.name())) {
                throw new IllegalArgumentException("duplicate replica name '" + r.name() + "'");
            }
        }
        this.replicas = List.copyOf(replicas);
        this.up = new AtomicIntegerArray(replicas.size());
        for (int i = 0; i < replicas.size(); i++) {
            up.set(i, 1);
        }
    }

    int size() {
        return replicas.size();
    }

    List<Replica> replicas() {
        return replicas;
    }

    BlobStore store(int i) {
        return replicas.get(i).store();
    }

    String name(int i) {
        return replicas.get(i).name();
    }

    boolean up(int i) {
        return up.get(i) == 1;
    }

    int upCount() {
        int n = 0;
        for (int i = 0; i < size(); i++) {
            n += up.get(i);
        }
        return n;
    }

    /** Records that replica {@code i} answered. */
    void answered(int i) {
        up.set(i, 1);
    }

    /** Records a failed call: the replica counts as unreachable unless the error is an answer. */
    void failed(int i, RuntimeException e) {
        if (!(e instanceof BlobStoreException b) || b.error() == BlobError.UNAVAILABLE || b.error() == BlobError.THROTTLED) {
            up.set(i, 0);
        } else {
            up.set(i, 1);
        }
    }

    /** Asks replica {@code i} for its health and records whether it is reachable. */
    HealthReport probe(int i) {
        HealthReport h;
        try {
            h = store(i).health();
        } catch (RuntimeException e) {
            h = new HealthReport(false, false, String.valueOf(e.getMessage()));
        }
        up.set(i, h.readable() ? 1 : 0);
        return h;
    }

    /** What every replica can do: the intersection of their capabilities. */
    Set<Capability> commonCapabilities() {
        EnumSet<Capability> common = EnumSet.allOf(Capability.class);
        for (Replica r : replicas) {
            common.retainAll(r.store().capabilities());
        }
        return Set.copyOf(common);
    }

    /** The indexes of every replica, in preference order. */
    List<Integer> all() {
        List<Integer> out = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            out.add(i);
        }
        return out;
    }

    /** The first replica believed reachable, else the first one: the authority for conditional writes. */
    int authority() {
        for (int i = 0; i < size(); i++) {
            if (up(i)) {
                return i;
            }
        }
        return 0;
    }
}
