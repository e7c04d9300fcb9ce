package dev.cairn.blob.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.digest.IntegrityException;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class IoErrorsTest {
    @Test
    void mapsFilesystemFailuresToBlobErrors() {
        assertEquals(BlobError.NO_SUCH_KEY, IoErrors.classify(new NoSuchFileException("/x")));
        assertEquals(BlobError.INSUFFICIENT_STORAGE, IoErrors.classify(new IOException("No space left on device")));
        assertEquals(BlobError.INSUFFICIENT_STORAGE, IoErrors.classify(new FileSystemException("/x", null, "No space left on device")));
        assertEquals(BlobError.INSUFFICIENT_STORAGE, IoErrors.classify(new FileSystemException("/x", null, "Disk quota exceeded")));
        assertEquals(BlobError.UNAVAILABLE, IoErrors.classify(new AccessDeniedException("/x")));
        assertEquals(BlobError.UNAVAILABLE, IoErrors.classify(new FileSystemException("/x", null, "Read-only file system")));
        assertEquals(BlobError.UNAVAILABLE, IoErrors.classify(new IOException("Input/output error")));
        assertEquals(BlobError.UNAVAILABLE, IoErrors.classify(new ClosedByInterruptException()));
        assertEquals(BlobError.BAD_DIGEST, IoErrors.classify(
                new IntegrityException(IntegrityException.Reason.LENGTH_MISMATCH, null, "short")));
        assertEquals(BlobError.INTERNAL, IoErrors.classify(new CorruptObjectException("bad footer")));
        assertEquals(BlobError.INTERNAL, IoErrors.classify(new BodyReadException(new IOException("client went away"))));
        assertEquals(BlobError.INTERNAL, IoErrors.classify(new IOException("something else")));
    }
}
