package dev.cairn.blob;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BlobKeyTest {
    @Test
    void acceptsAwkwardKeysUpTo1024Utf8Bytes() {
        for (String k : new String[] {"a//b", "../x", "..", "/lead", "trail/", "a\\b", "%", "a+b", "with space", "日本語", "\uD83D\uDE00"}) {
            assertDoesNotThrow(() -> new BlobKey("b", k));
        }
        assertDoesNotThrow(() -> new BlobKey("b", "é".repeat(512)));
        assertThrows(IllegalArgumentException.class, () -> new BlobKey("b", "é".repeat(512) + "x"));
    }

    @Test
    void rejectsEmptyKeysAndUnpairedSurrogates() {
        org.junit.jupiter.api.Assertions.assertFalse(BlobKey.isValidKey(""));
        org.junit.jupiter.api.Assertions.assertFalse(BlobKey.isValidKey("a\uD800"));
        org.junit.jupiter.api.Assertions.assertFalse(BlobKey.isValidKey(null));
        org.junit.jupiter.api.Assertions.assertTrue(BlobKey.isValidKey("a//b"));
        assertThrows(IllegalArgumentException.class, () -> new BlobKey("b", ""));
        assertThrows(IllegalArgumentException.class, () -> new BlobKey("b", "a\uD800"));
        assertThrows(IllegalArgumentException.class, () -> new BlobKey("b", "\uDC00a"));
    }

    @Test
    void bucketNames() {
        assertDoesNotThrow(() -> new BlobKey(".oap", "k"));
        assertDoesNotThrow(() -> new BlobKey("my-bucket.1", "k"));
        for (String bad : new String[] {"", ".", "..", "Upper", "a/b", "a b", "x".repeat(64)}) {
            assertThrows(IllegalArgumentException.class, () -> new BlobKey(bad, "k"), bad);
        }
    }
}
