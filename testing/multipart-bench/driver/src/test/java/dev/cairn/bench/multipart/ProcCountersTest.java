package dev.cairn.bench.multipart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProcCountersTest {

    @Test
    void cpuTicksAreUtimePlusStimeEvenWhenTheCommandNameHoldsSpacesAndParentheses() {
        String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 100 0 0 0 731 69 0 0 20 0 40 0 123 0 0";

        assertEquals(731 + 69, ProcCounters.cpuTicks(stat));
    }

    @Test
    void ioFieldsAreParsedAndAMissingOneIsAnError() {
        String io = "rchar: 10\nwchar: 20\nsyscr: 1\nsyscw: 2\nread_bytes: 4096\nwrite_bytes: 8192\ncancelled_write_bytes: 0\n";

        assertEquals(8192L, ProcCounters.parseIo(io).get("write_bytes"));
        assertThrows(IllegalArgumentException.class, () -> ProcCounters.parseIo("rchar: 1\n"));
    }

    @Test
    void ownCountersGrowWhenThisProcessWritesAFile(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        long pid = ProcessHandle.current().pid();
        ProcCounters before = ProcCounters.of(pid);
        Files.write(dir.resolve("f"), new byte[1 << 20]);
        ProcCounters delta = ProcCounters.of(pid).minus(before);

        assertTrue(delta.wchar() >= 1 << 20, "wchar grew by " + delta.wchar());
        assertTrue(ProcCounters.TICKS_PER_SECOND > 0);
    }

    @Test
    void aProcessThatDoesNotExistIsAnError() {
        assertThrows(RuntimeException.class, () -> ProcCounters.of(Long.MAX_VALUE));
    }
}
