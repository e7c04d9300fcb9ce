package dev.cairn.blob.replicated;

import dev.cairn.blob.BlobKey;

/**
 * Where the read and write paths report a replica that needs repair. Implementations never block
 * and never throw: a full queue drops the task and counts it (the anti-entropy scan finds the
 * key again).
 */
interface RepairSink {

    /** Why a replica needs repair; the label of {@code repair_tasks_total{reason}}. */
    enum Reason {
        /** The replica answered NO_SUCH_KEY for a key other replicas hold. */
        MISSING,
        /** A whole-object read from the replica did not match the stored BLAKE3. */
        CORRUPT,
        /** A write acknowledged at quorum did not reach this replica. */
        WRITE_FAILED,
        /** A delete did not reach this replica. */
        DELETE_FAILED,
        /** The anti-entropy scan found the replica differing from the others. */
        SCAN
    }

    /** Asks for {@code key} on replica {@code replicaIndex} (its position in the set) to be repaired. */
    void enqueue(BlobKey key, int replicaIndex, Reason reason);
}
