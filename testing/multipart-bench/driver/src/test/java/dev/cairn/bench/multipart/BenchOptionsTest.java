package dev.cairn.bench.multipart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void defaultsAreTheIssueFourBenchmark() {
        BenchOptions o = BenchOptions.parse();

        assertEquals(1L << 30, o.size());
        assertEquals(16 << 20, o.partSize());
        assertEquals(5, o.repetitions());
        assertEquals(List.of("cairn", "s3proxy", "cairn-sdk-defaults"), o.variants());
    }

    @Test
    void sizesAndListsParse() {
        BenchOptions o = BenchOptions.parse("--size", "48MiB", "--part-size", "5MiB", "--variants", "s3proxy,cairn",
                "--jvm-opts", " -Xmx2g  -XX:+UseSerialGC ", "--drop-caches");

        assertEquals(48L << 20, o.size());
        assertEquals(5 << 20, o.partSize());
        assertEquals(List.of("s3proxy", "cairn"), o.variants());
        assertEquals(List.of("-Xmx2g", "-XX:+UseSerialGC"), o.jvmOptions());
        assertTrue(o.dropCaches());
        assertEquals(4096, BenchOptions.parseSize("4096"));
        assertEquals(64 << 10, BenchOptions.parseSize("64KiB"));
    }

    @Test
    void badInputIsRefusedByName() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--sise", "1"));
        assertTrue(unknown.getMessage().contains("--sise"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--size"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--size", "lots"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--reps", "0"));
        assertThrows(IllegalArgumentException.class, () -> Variant.named("minio", BenchOptions.parse()));
    }

    @Test
    void payloadPartsDifferAndCoverTheSize() {
        Payload p = new Payload(40, 16, 1);

        assertEquals(3, p.partCount());
        assertEquals(8, p.partLength(3));
        assertEquals(1L, p.part(1).getLong(0));
        assertEquals(2L, p.part(2).getLong(0));
        assertThrows(IllegalArgumentException.class, () -> new Payload(10_001L * 16, 16, 1));
    }
}
