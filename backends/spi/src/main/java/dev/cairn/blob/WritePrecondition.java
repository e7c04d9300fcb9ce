package dev.cairn.blob;

import java.util.Objects;

/**
 * A condition on the current version that a write requires, checked atomically with the publish.
 * A store that lacks the matching {@link Capability} rejects the write with
 * {@link BlobError#UNSUPPORTED}; it never emulates the check with a racy read-then-write.
 */
public sealed interface WritePrecondition {
    /** No condition. */
    None NONE = new None();

    /** Unconditional write. */
    record None() implements WritePrecondition {
    }

    /** Succeeds only if no object exists under the key ({@code If-None-Match: *}); needs {@link Capability#WRITE_IF_ABSENT}. */
    record IfAbsent() implements WritePrecondition {
    }

    /**
     * Succeeds only if the current object's entity tag equals {@code etag}; needs
     * {@link Capability#WRITE_IF_MATCH}. A different tag fails with
     * {@link BlobError#PRECONDITION_FAILED}; a missing object fails with {@link BlobError#NO_SUCH_KEY}.
     */
    record IfMatch(String etag) implements WritePrecondition {
        public IfMatch {
            Objects.requireNonNull(etag, "etag");
        }
    }
}
