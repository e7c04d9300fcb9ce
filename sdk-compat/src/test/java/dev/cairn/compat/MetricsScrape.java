package dev.cairn.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.DoublePredicate;

/** Reads samples from a running gateway's {@code /metrics} (Prometheus text), as an operator's scraper would. */
final class MetricsScrape {
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI metrics;

    MetricsScrape(Gateway gateway) {
        this.metrics = URI.create(gateway.endpoint() + "/metrics");
    }

    /**
     * The sum of every sample of metric {@code name} whose labels contain each of {@code labels}
     * (written as in the exposition, e.g. {@code result="hit"}); 0 when there is none.
     */
    double sum(String name, String... labels) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        double total = 0;
        for (String line : r.body().split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            String series = line.substring(0, space);
            int brace = series.indexOf('{');
            String metric = brace < 0 ? series : series.substring(0, brace);
            if (!metric.equals(name) || !hasLabels(series, labels)) {
                continue;
            }
            total += Double.parseDouble(line.substring(space + 1));
        }
        return total;
    }

    /** Waits until {@link #sum} of the series satisfies {@code condition}; returns that value. */
    double await(Duration patience, DoublePredicate condition, String name, String... labels) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            double v = sum(name, labels);
            if (condition.test(v)) {
                return v;
            }
            assertTrue(System.nanoTime() < deadline, name + " stayed at " + v + " for " + patience);
            Thread.sleep(100);
        }
    }

    /** Whether {@code /metrics} has a sample of {@code name} at all. */
    boolean exports(String name) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString());
        for (String line : r.body().split("\n")) {
            if (!line.startsWith("#") && (line.startsWith(name + " ") || line.startsWith(name + "{"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasLabels(String series, String[] labels) {
        for (String l : labels) {
            if (!series.contains(l)) {
                return false;
            }
        }
        return true;
    }
}
