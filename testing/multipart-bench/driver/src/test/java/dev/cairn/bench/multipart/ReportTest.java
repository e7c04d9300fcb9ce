package dev.cairn.bench.multipart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {
    private static RoundResult round(String variant, int rep, double completeSeconds, long completeWritten) {
        ProcCounters parts = new ProcCounters(0, 1000, 0, 1000, 1000, 100);
        ProcCounters complete = new ProcCounters(0, completeWritten, 0, 0, completeWritten, 1);
        return new RoundResult(variant, rep, new Phase(1_000_000_000L, parts),
                new Phase((long) (completeSeconds * 1e9), complete), new Phase(1, parts), "UNSIGNED-PAYLOAD");
    }

    @Test
    void mediansOfOddAndEvenCounts() {
        List<RoundResult> three = List.of(round("a", 1, 3, 0), round("a", 2, 1, 0), round("a", 3, 2, 0));
        assertEquals(2.0, Report.median(three, r -> r.complete().seconds()), 1e-9);
        assertEquals(1.5, Report.median(three.subList(1, 3), r -> r.complete().seconds()), 1e-9);
    }

    @Test
    void tablesCarryRatiosToTheFirstVariant() {
        String md = Report.markdown(List.of(round("cairn", 1, 0.5, 0), round("s3proxy", 1, 2.0, 1000)), 1000);

        assertTrue(md.contains("| s3proxy | 2.000 (4.00×)"), md);
        assertTrue(md.contains("| 2.000 (2.00×) |"), "write_bytes ÷ object size: (1000 + 1000) / 1000 vs 1000 / 1000\n" + md);
    }

    @Test
    void csvHasOneHeaderAndOneLinePerRound() {
        String csv = Report.csv(List.of(round("cairn", 1, 0.5, 0), round("s3proxy", 1, 2.0, 1000)));
        String[] lines = csv.split("\n");

        assertEquals(3, lines.length);
        assertEquals(lines[0].split(",").length, lines[2].split(",").length);
    }
}
