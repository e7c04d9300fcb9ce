package dev.cairn.perf.gatling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The property contract and the seed manifest: good input is read, bad input is named. */
class InputsTest {
    private static Map<String, String> base() {
        Map<String, String> p = new HashMap<>(Map.of("cairn.perf.target", "http://127.0.0.1:18080/", "cairn.perf.api", "s3",
                "cairn.perf.seed", "/s.tsv", "cairn.perf.out", "/o.json", "cairn.perf.rate", "250.5", "cairn.perf.duration", "30",
                "cairn.perf.access-key", "AK", "cairn.perf.secret-key", "SK"));
        return p;
    }

    @Test
    void readsTheContractWithDefaults() {
        PerfConfig c = new PerfConfig(base()::get, 30);
        assertEquals("http://127.0.0.1:18080", c.target.toString());
        assertEquals("127.0.0.1:18080", c.hostHeader());
        assertEquals(PerfConfig.LoadMode.RATE, c.mode);
        assertEquals(250.5, c.loadValue);
        assertEquals(5, c.warmupSeconds);
        assertEquals("bench", c.bucket);
        assertEquals("us-east-1", c.region);
        assertEquals(20, c.slowClients);
        assertEquals(30, c.progressSeconds);
        assertEquals(5L << 30, c.s3MaxPutSize);
    }

    @Test
    void namesTheBadProperty() {
        Map<String, String> both = base();
        both.put("cairn.perf.concurrency", "4");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new PerfConfig(both::get, 0)).getMessage().contains("exactly one"));
        Map<String, String> noKey = base();
        noKey.remove("cairn.perf.secret-key");
        assertEquals("missing -Dcairn.perf.secret-key", assertThrows(IllegalArgumentException.class, () -> new PerfConfig(noKey::get, 0)).getMessage());
        Map<String, String> api = base();
        api.put("cairn.perf.api", "gcs");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new PerfConfig(api::get, 0)).getMessage().startsWith("cairn.perf.api"));
        Map<String, String> dur = base();
        dur.put("cairn.perf.duration", "0");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new PerfConfig(dur::get, 0)).getMessage().startsWith("cairn.perf.duration"));
        Map<String, String> url = base();
        url.put("cairn.perf.target", "ftp://x");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new PerfConfig(url::get, 0)).getMessage().startsWith("cairn.perf.target"));
    }

    @Test
    void parsesTheSeedManifest() {
        SeedManifest m = SeedManifest.parse(List.of("# comment", "hot\t65536\t/bench/hot-64k-001", "", "hot\t4194304\t/bench/hot-4m-001",
                "cold\t1048576\t/o/b3:ab"), "seed");
        assertEquals(2, m.hot.size());
        assertEquals(List.of(new SeedManifest.Entry(false, 1048576, "/o/b3:ab")), m.cold);
        assertEquals(List.of(new SeedManifest.Entry(true, 4194304, "/bench/hot-4m-001")), m.hotSized(1 << 17, Long.MAX_VALUE));
        assertEquals(m.hot, m.hotSized(1, 2), "nothing fits: every hot object");
    }

    @Test
    void rejectsABadManifestLineByNumber() {
        assertEquals("seed line 2: kind 'warm' is neither hot nor cold", assertThrows(IllegalArgumentException.class,
                () -> SeedManifest.parse(List.of("hot\t1\t/a", "warm\t1\t/b"), "seed")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SeedManifest.parse(List.of("hot\tbig\t/a"), "seed"))
                .getMessage().startsWith("seed line 1: size 'big'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SeedManifest.parse(List.of("hot 1 /a"), "seed"))
                .getMessage().startsWith("seed line 1: expected"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SeedManifest.parse(List.of("cold\t1\t/a"), "seed"))
                .getMessage().contains("no hot objects"));
    }

    @Test
    void jsonEscapesAndRefusesWhatItCannotWrite() {
        assertEquals("{\"a\\\"b\":\"x\\ny\\u0001\",\"n\":1.5,\"m\":{}}", Json.render(new java.util.LinkedHashMap<>(Map.of()) {
            {
                put("a\"b", "x\ny\u0001");
                put("n", 1.5);
                put("m", Map.of());
            }
        }));
        assertThrows(IllegalArgumentException.class, () -> Json.render(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Json.render(List.of()));
    }
}
