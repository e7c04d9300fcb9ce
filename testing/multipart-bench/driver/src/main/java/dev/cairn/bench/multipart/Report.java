package dev.cairn.bench.multipart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Medians per variant as Markdown tables, each value followed by its ratio to the first variant
 * (the baseline), and every round as CSV.
 */
final class Report {
    private record Column(String title, ToDoubleFunction<RoundResult> value, boolean bytes) {
    }

    private static final List<Column> PARTS = List.of(
            new Column("wall s", r -> r.parts().seconds(), false),
            new Column("server CPU s", r -> r.parts().server().cpuSeconds(), false),
            new Column("write_bytes", r -> r.parts().server().writeBytes(), true),
            new Column("wchar", r -> r.parts().server().wchar(), true));
    private static final List<Column> COMPLETE = List.of(
            new Column("wall s", r -> r.complete().seconds(), false),
            new Column("server CPU s", r -> r.complete().server().cpuSeconds(), false),
            new Column("write_bytes", r -> r.complete().server().writeBytes(), true),
            new Column("wchar", r -> r.complete().server().wchar(), true),
            new Column("rchar", r -> r.complete().server().rchar(), true),
            new Column("read_bytes", r -> r.complete().server().readBytes(), true));
    private static final List<Column> GET = List.of(
            new Column("wall s", r -> r.get().seconds(), false),
            new Column("server CPU s", r -> r.get().server().cpuSeconds(), false),
            new Column("read_bytes", r -> r.get().server().readBytes(), true));

    private Report() {
    }

    private static List<Column> total(long objectSize) {
        ToDoubleFunction<RoundResult> written = r -> r.parts().server().writeBytes() + r.complete().server().writeBytes();
        return List.of(
                new Column("wall s", r -> r.parts().seconds() + r.complete().seconds(), false),
                new Column("server CPU s", r -> r.parts().server().cpuSeconds() + r.complete().server().cpuSeconds(), false),
                new Column("write_bytes", written, true),
                new Column("write_bytes ÷ object size", r -> written.applyAsDouble(r) / objectSize, false));
    }

    static String markdown(List<RoundResult> results, long objectSize) {
        Map<String, List<RoundResult>> byVariant = new LinkedHashMap<>();
        for (RoundResult r : results) {
            byVariant.computeIfAbsent(r.variant(), v -> new ArrayList<>()).add(r);
        }
        StringBuilder out = new StringBuilder();
        table(out, "UploadPart, all parts (sequential)", PARTS, byVariant);
        table(out, "CompleteMultipartUpload", COMPLETE, byVariant);
        table(out, "Parts + Complete", total(objectSize), byVariant);
        table(out, "GET of the whole object (streamed, SHA-256 checked)", GET, byVariant);
        out.append("Body encoding of UploadPart per variant: ");
        byVariant.forEach((v, rs) -> out.append(v).append(" = `").append(rs.get(0).payloadMode()).append("`; "));
        out.append('\n');
        return out.toString();
    }

    private static void table(StringBuilder out, String title, List<Column> columns,
            Map<String, List<RoundResult>> byVariant) {
        out.append("\n**").append(title).append("** (median of ").append(byVariant.values().iterator().next().size())
                .append(" rounds; in brackets: ratio to the first row)\n\n| variant |");
        columns.forEach(c -> out.append(' ').append(c.title()).append(" |"));
        out.append("\n|---|");
        columns.forEach(c -> out.append("---|"));
        out.append('\n');
        Map<Column, Double> baseline = new LinkedHashMap<>();
        for (Map.Entry<String, List<RoundResult>> e : byVariant.entrySet()) {
            out.append("| ").append(e.getKey()).append(" |");
            for (Column c : columns) {
                double median = median(e.getValue(), c.value());
                Double base = baseline.putIfAbsent(c, median);
                String text = c.bytes() ? bytes(median) : String.format(Locale.ROOT, median < 10 ? "%.3f" : "%.1f", median);
                if (base != null) {
                    text += " (" + ratio(median, base) + ")";
                }
                out.append(' ').append(text).append(" |");
            }
            out.append('\n');
        }
    }

    static double median(List<RoundResult> rounds, ToDoubleFunction<RoundResult> value) {
        double[] values = rounds.stream().mapToDouble(value).sorted().toArray();
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    private static String ratio(double value, double base) {
        if (base == 0) {
            return value == 0 ? "=" : "base 0";
        }
        double r = value / base;
        return String.format(Locale.ROOT, r >= 100 ? "%,.0f×" : r >= 10 ? "%.1f×" : "%.2f×", r);
    }

    static String bytes(double b) {
        if (Math.abs(b) < 1 << 20) {
            return String.format(Locale.ROOT, "%,.0f B", b);
        }
        return String.format(Locale.ROOT, "%,.1f MiB", b / (1 << 20));
    }

    /** One line per round, every counter of every phase, for anyone who wants more than medians. */
    static String csv(List<RoundResult> results) {
        StringBuilder out = new StringBuilder("variant,repetition,payload_mode");
        for (String phase : new String[] {"parts", "complete", "get"}) {
            for (String f : new String[] {"wall_s", "cpu_s", "write_bytes", "read_bytes", "cancelled_write_bytes", "wchar", "rchar"}) {
                out.append(',').append(phase).append('_').append(f);
            }
        }
        out.append('\n');
        for (RoundResult r : results) {
            out.append(r.variant()).append(',').append(r.repetition()).append(",\"").append(r.payloadMode()).append('"');
            for (Phase p : new Phase[] {r.parts(), r.complete(), r.get()}) {
                ProcCounters c = p.server();
                out.append(String.format(Locale.ROOT, ",%.4f,%.2f,%d,%d,%d,%d,%d", p.seconds(), c.cpuSeconds(),
                        c.writeBytes(), c.readBytes(), c.cancelledWriteBytes(), c.wchar(), c.rchar()));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
