package dev.cairn.blob;

import java.util.Locale;

/** Parses and prints byte sizes: {@code 4096}, {@code 64KiB}, {@code 1MiB}, {@code 2GB}, {@code 10k}. */
public final class DataSize {
    private DataSize() {
    }

    /**
     * @throws IllegalArgumentException if the text is not a non-negative size
     */
    public static long parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty size");
        }
        String t = text.trim();
        int i = 0;
        while (i < t.length() && Character.isDigit(t.charAt(i))) {
            i++;
        }
        if (i == 0) {
            throw new IllegalArgumentException("'" + text + "' is not a size (try 64KiB, 1MiB, 512MiB)");
        }
        long n;
        try {
            n = Long.parseLong(t.substring(0, i));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is too large");
        }
        String unit = t.substring(i).trim().toLowerCase(Locale.ROOT);
        long mult = switch (unit) {
            case "", "b" -> 1L;
            case "k", "kb" -> 1000L;
            case "kib" -> 1L << 10;
            case "m", "mb" -> 1000L * 1000;
            case "mib" -> 1L << 20;
            case "g", "gb" -> 1000L * 1000 * 1000;
            case "gib" -> 1L << 30;
            case "t", "tb" -> 1000L * 1000 * 1000 * 1000;
            case "tib" -> 1L << 40;
            default -> throw new IllegalArgumentException("'" + text + "' has an unknown unit (use B, KiB, MiB, GiB, TiB, KB, MB, GB, TB)");
        };
        if (n > Long.MAX_VALUE / mult) {
            throw new IllegalArgumentException("'" + text + "' is too large");
        }
        return n * mult;
    }

    /** A short human form, e.g. {@code 1MiB} for 1048576 and {@code 1000} for 1000. */
    public static String format(long bytes) {
        String[] units = {"TiB", "GiB", "MiB", "KiB"};
        int[] shifts = {40, 30, 20, 10};
        for (int k = 0; k < units.length; k++) {
            long unit = 1L << shifts[k];
            if (bytes >= unit && bytes % unit == 0) {
                return (bytes / unit) + units[k];
            }
        }
        return Long.toString(bytes);
    }
}
