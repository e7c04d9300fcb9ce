package dev.cairn.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsScrapeTest {
    private static final String TEXT = """
            # HELP repair_tasks_total repair tasks queued
            # TYPE repair_tasks_total counter
            repair_tasks_total{reason="missing"} 3.0
            repair_tasks_total{reason="corrupt"} 2.0
            repair_bytes_total 131072.0
            rf_observed 2.0
            rf_target 3.0
            repair_tasks_totally_different 9
            """;

    @Test
    void seriesAreSummedByNameWhateverTheirLabels() {
        Map<String, Double> series = MetricsScrape.parse(TEXT);
        assertEquals(5.0, MetricsScrape.sum(series, "repair_tasks_total"));
        assertEquals(131072.0, MetricsScrape.sum(series, "repair_bytes_total"));
        assertEquals(0.0, MetricsScrape.sum(series, "integrity_fail_total"));
        assertEquals(Map.of("rf_observed", 2.0, "repair_tasks_total{reason=\"missing\"}", 3.0, "repair_tasks_total{reason=\"corrupt\"}", 2.0),
                MetricsScrape.select(series, "rf_observed", "repair_tasks_total"));
    }
}
