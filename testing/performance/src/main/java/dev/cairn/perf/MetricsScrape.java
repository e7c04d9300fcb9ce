package dev.cairn.perf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/** Reads the gateway's {@code /metrics} (Prometheus text) into series name with labels → value. */
final class MetricsScrape {
    private MetricsScrape() {
    }

    /**
     * @throws UncheckedIOException if the gateway does not answer
     * @throws IllegalStateException on a status other than 200
     */
    static Map<String, Double> scrape(URI endpoint) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest get = HttpRequest.newBuilder(endpoint.resolve("/metrics")).timeout(Duration.ofSeconds(10)).build();
        try {
            HttpResponse<String> answer = http.send(get, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("GET /metrics answered " + answer.statusCode());
            }
            return parse(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + get.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading /metrics", e);
        }
    }

    static Map<String, Double> parse(String text) {
        Map<String, Double> out = new TreeMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            if (space > 0) {
                try {
                    out.put(line.substring(0, space).trim(), Double.parseDouble(line.substring(space + 1).trim()));
                } catch (NumberFormatException e) {
                    // a timestamp or exemplar suffix we do not need
                }
            }
        }
        return out;
    }

    /** The sum of every series of {@code name}, whatever its labels. */
    static double sum(Map<String, Double> series, String name) {
        double sum = 0;
        for (Map.Entry<String, Double> e : series.entrySet()) {
            String key = e.getKey();
            if (key.equals(name) || key.startsWith(name + "{")) {
                sum += e.getValue();
            }
        }
        return sum;
    }

    /** The series of the metrics named, labels kept, e.g. for the soak's before/after record. */
    static Map<String, Double> select(Map<String, Double> series, String... names) {
        Map<String, Double> out = new TreeMap<>();
        for (Map.Entry<String, Double> e : series.entrySet()) {
            for (String name : names) {
                if (e.getKey().equals(name) || e.getKey().startsWith(name + "{")) {
                    out.put(e.getKey(), e.getValue());
                }
            }
        }
        return out;
    }
}
