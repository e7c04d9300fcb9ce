package dev.cairn.blob.replicated;

/** When a replicated write is acknowledged. */
public enum WritePolicy {
    /** Once every replica has published it. Any failed replica fails the write. */
    ALL,
    /**
     * Once a majority of the replica set ({@code rf / 2 + 1}) has published it; the remaining
     * copies go to the repair queue.
     */
    QUORUM
}
