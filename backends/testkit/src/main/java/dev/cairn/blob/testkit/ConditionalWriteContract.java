package dev.cairn.blob.testkit;

/**
 * Both conditional writes: {@link ConditionalCreateContract} ({@code WRITE_IF_ABSENT}) and
 * {@link ConditionalUpdateContract} ({@code WRITE_IF_MATCH}), for stores that declare both.
 */
public interface ConditionalWriteContract extends ConditionalCreateContract, ConditionalUpdateContract {
}
