package dev.cairn.blob;

/**
 * Whether a store can serve reads and writes right now, with a short operator-facing reason when
 * it cannot. Never contains secrets.
 */
public record HealthReport(boolean readable, boolean writable, String detail) {
    public static HealthReport ok() {
        return new HealthReport(true, true, "ok");
    }
}
