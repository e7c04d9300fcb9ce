package dev.cairn.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.deploy.DashboardPromql.LabelMatcher;
import dev.cairn.deploy.DashboardPromql.Selector;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The selector extraction the dashboard and rules checks rely on, on the constructs they use. */
class DashboardPromqlTest {
    @Test
    void aggregationGroupingAndGrafanaVariablesAreNotMetrics() {
        List<Selector> s = DashboardPromql.selectors(
                "histogram_quantile(0.95, sum by (route, le) (rate(latency_seconds_bucket{job=~\"$job\",route!~\"healthz|readyz\"}[$__rate_interval])))");
        assertEquals(List.of(new Selector("latency_seconds_bucket",
                List.of(new LabelMatcher("job", "=~", "$job"), new LabelMatcher("route", "!~", "healthz|readyz")))), s);
    }

    @Test
    void vectorMatchingOffsetsBoolAndRecordedNames() {
        List<String> names = DashboardPromql.selectors(
                "a / on (job) group_left (x) b offset 5m and c > bool 1e-3 or job:cairn_requests:rate5m unless ignoring(instance) d[30m:1m]")
                .stream().map(Selector::metric).toList();
        assertEquals(List.of("a", "b", "c", "job:cairn_requests:rate5m", "d"), names);
    }

    @Test
    void stringsWithBracesAndEscapesStayInTheirMatcher() {
        assertEquals(List.of(new Selector("m", List.of(new LabelMatcher("l", "=", "a}\"b")))),
                DashboardPromql.selectors("m{l=\"a}\\\"b\"}"));
    }

    @Test
    void whatItCannotReadIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> DashboardPromql.selectors("rat(x[5m])"));
        assertThrows(IllegalArgumentException.class, () -> DashboardPromql.selectors("x{route=\"a}"));
        assertThrows(IllegalArgumentException.class, () -> DashboardPromql.selectors("x{route==\"a\"}"));
        assertThrows(IllegalArgumentException.class, () -> DashboardPromql.selectors("x # y"));
    }
}
