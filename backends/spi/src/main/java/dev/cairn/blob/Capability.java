package dev.cairn.blob;

/**
 * Flags that change what an existing {@link BlobStore} method may be asked to do. Methods that a
 * capability adds live in {@code Supports*} interfaces instead.
 */
public enum Capability {
    /** {@link WritePrecondition.IfAbsent} is honoured atomically. */
    WRITE_IF_ABSENT,
    /** {@link WritePrecondition.IfMatch} is honoured atomically. */
    WRITE_IF_MATCH,
    /** {@link BlobStore#copy} is done by the store without streaming the bytes through the gateway. */
    NATIVE_COPY,
    /** Writes are durable on disk (or a remote store) before they are acknowledged. */
    DURABLE,
}
