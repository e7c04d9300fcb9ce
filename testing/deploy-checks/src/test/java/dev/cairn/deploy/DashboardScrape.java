package dev.cairn.deploy;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The series names of a Prometheus text exposition, with the values each label takes. Names are
 * the sample names as a query sees them: a histogram {@code latency_seconds} appears as
 * {@code latency_seconds_bucket}, {@code _count}, {@code _sum} (and Micrometer's {@code _max}
 * gauge), never under its bare family name.
 */
final class DashboardScrape {
    private final Map<String, Map<String, Set<String>>> series = new TreeMap<>();

    private DashboardScrape() {
    }

    /** @throws IllegalArgumentException for a sample line that is not {@code name{labels} value} */
    static DashboardScrape parse(String exposition) {
        DashboardScrape scrape = new DashboardScrape();
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            scrape.sample(line);
        }
        return scrape;
    }

    boolean has(String name) {
        return series.containsKey(name);
    }

    /** The values {@code label} takes on series {@code name}; empty when the label never appears. */
    Set<String> values(String name, String label) {
        return series.getOrDefault(name, Map.of()).getOrDefault(label, Set.of());
    }

    Set<String> names() {
        return series.keySet();
    }

    private void sample(String line) {
        int brace = line.indexOf('{');
        int space = line.indexOf(' ');
        int nameEnd = brace >= 0 && brace < space ? brace : space;
        if (nameEnd <= 0) {
            throw new IllegalArgumentException("not a sample line: " + line);
        }
        Map<String, Set<String>> labels = series.computeIfAbsent(line.substring(0, nameEnd), n -> new TreeMap<>());
        if (nameEnd != brace) {
            return;
        }
        int i = brace + 1;
        while (line.charAt(i) != '}') {
            int eq = line.indexOf('=', i);
            String label = line.substring(i, eq).strip();
            if (line.charAt(eq + 1) != '"') {
                throw new IllegalArgumentException("unquoted label value in: " + line);
            }
            StringBuilder value = new StringBuilder();
            int j = eq + 2;
            for (; line.charAt(j) != '"'; j++) {
                char c = line.charAt(j);
                if (c == '\\') {
                    c = line.charAt(++j);
                    value.append(c == 'n' ? '\n' : c);
                } else {
                    value.append(c);
                }
            }
            labels.computeIfAbsent(label, l -> new TreeSet<>()).add(value.toString());
            i = j + 1;
            if (line.charAt(i) == ',') {
                i++;
            }
        }
    }
}
