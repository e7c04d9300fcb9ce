package dev.cairn.blob.local;

/**
 * Observes the steps of a multipart completion, for tests that kill or stall a process at a
 * chosen step (CrashRecoveryTest). The store calls it on the completing thread; production
 * stores use {@link #NONE}.
 */
interface CompletionHook {
    CompletionHook NONE = step -> { };

    /** The steps, in order; {@link #PUBLISHED} is the commit point. */
    enum Step {
        /** The parts are linked into the segment directory; nothing is visible yet. */
        SEGMENTS_LINKED,
        /** The composite object file is written and synced in the temporary area. */
        MANIFEST_WRITTEN,
        /** The composite object file replaced the key's previous version: the commit point. */
        PUBLISHED
    }

    void reached(Step step);
}
