package dev.cairn.blob;

import java.util.Objects;

/**
 * How to read an object.
 *
 * @param range the bytes wanted, or null for the whole object
 * @param conditions preconditions evaluated against the version read; never null
 */
public record ReadOptions(ByteRange range, ReadConditions conditions) {
    public static final ReadOptions WHOLE = new ReadOptions(null, ReadConditions.NONE);

    public ReadOptions {
        Objects.requireNonNull(conditions, "conditions");
    }

    public static ReadOptions range(ByteRange range) {
        return new ReadOptions(range, ReadConditions.NONE);
    }
}
