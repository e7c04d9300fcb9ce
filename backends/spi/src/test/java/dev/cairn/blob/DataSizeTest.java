package dev.cairn.blob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DataSizeTest {
    @Test
    void parsesUnits() {
        assertEquals(4096, DataSize.parse("4096"));
        assertEquals(65536, DataSize.parse("64KiB"));
        assertEquals(1 << 20, DataSize.parse("1MiB"));
        assertEquals(1 << 20, DataSize.parse(" 1 mib "));
        assertEquals(2_000_000_000L, DataSize.parse("2GB"));
        assertEquals(10_000, DataSize.parse("10k"));
    }

    @Test
    void rejectsGarbageWithAClearMessage() {
        for (String bad : new String[] {"", "MiB", "-1", "1.5MiB", "12 parsecs", "99999999999999999999"}) {
            assertThrows(IllegalArgumentException.class, () -> DataSize.parse(bad), bad);
        }
    }

    @Test
    void formatsExactBinaryUnits() {
        assertEquals("1MiB", DataSize.format(1 << 20));
        assertEquals("64KiB", DataSize.format(65536));
        assertEquals("1000", DataSize.format(1000));
    }
}
