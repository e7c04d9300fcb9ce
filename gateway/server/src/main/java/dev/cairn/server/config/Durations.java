package dev.cairn.server.config;

import java.time.Duration;
import java.util.Locale;

/** Parses and prints durations written as a whole number and a unit: {@code 30ms}, {@code 10s}, {@code 5m}, {@code 2h}, {@code 7d}. */
public final class Durations {
    private Durations() {
    }

    /**
     * @throws IllegalArgumentException when the text is not a non-negative whole number followed by
     *     one of {@code ms, s, m, h, d} (a bare {@code 0} is accepted)
     */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty duration");
        }
        String t = text.trim();
        int i = 0;
        while (i < t.length() && Character.isDigit(t.charAt(i))) {
            i++;
        }
        if (i == 0) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (try 30ms, 10s, 5m, 7d)");
        }
        long n;
        try {
            n = Long.parseLong(t.substring(0, i));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is too large");
        }
        String unit = t.substring(i).trim().toLowerCase(Locale.ROOT);
        try {
            return switch (unit) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                case "" -> {
                    if (n != 0) {
                        throw new IllegalArgumentException("'" + text + "' needs a unit (ms, s, m, h, d)");
                    }
                    yield Duration.ZERO;
                }
                default -> throw new IllegalArgumentException("'" + text + "' has an unknown unit (use ms, s, m, h, d)");
            };
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is too large");
        }
    }
}
