package dev.cairn.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache and replication keys: defaults, the short environment variables, replica trees in a file, and every refusal. */
class ReplicationConfigTest {
    @TempDir
    Path dir;

    @Test
    void defaultsAreCacheOnAndReplicationOff() {
        CairnConfig c = CairnConfig.fromMap(Map.of());
        assertEquals(new CairnConfig.Cache(256L << 20, 64 << 10, Duration.ZERO, 8L << 20), c.cache());
        assertTrue(c.cache().enabled());
        assertNull(c.replication());
        assertFalse(CairnConfig.fromMap(Map.of("cache.max-bytes", "0")).cache().enabled());
    }

    @Test
    void theSimpleCaseComesFromShortEnvironmentVariables() {
        Map<String, String> env = Map.of("CAIRN_REPLICAS", "/srv/a,/srv/b,/srv/c", "CAIRN_RF", "3", "CAIRN_WRITE_POLICY", "quorum",
                "CAIRN_HEDGE_DELAY", "40ms", "CAIRN_REPAIR_RATE", "20MiB", "CAIRN_CACHE_MAX_BYTES", "64MiB");
        CairnConfig c = CairnConfig.load(new String[0], env);
        CairnConfig.Replication r = c.replication();
        assertEquals(List.of("a", "b", "c"), r.replicas().stream().map(CairnConfig.Replica::name).toList());
        for (CairnConfig.Replica replica : r.replicas()) {
            assertEquals("local", replica.storage().backend());
            assertEquals("/srv/" + replica.name(), replica.storage().settings().get("local.dir"));
            assertEquals("true", replica.storage().settings().get("local.fsync"), "top-level local options are inherited");
        }
        assertEquals(3, r.rf());
        assertEquals("quorum", r.writePolicy());
        assertEquals(Duration.ofMillis(40), r.hedgeDelay());
        assertEquals(20L << 20, r.repairRate());
        assertEquals(0.10, r.hedgeBudget(), 1e-9);
        assertEquals(64L << 20, c.cache().maxBytes());
    }

    @Test
    void theLongEnvironmentNamesWorkTooAndMustAgreeWithTheShortOnes() {
        CairnConfig c = CairnConfig.load(new String[0], Map.of("CAIRN_REPLICATION_REPLICAS", "./x,./y", "CAIRN_REPLICATION_RF", "2"));
        assertEquals(2, c.replication().rf());
        ConfigException e = assertThrows(ConfigException.class,
                () -> CairnConfig.load(new String[0], Map.of("CAIRN_REPLICAS", "./x,./y", "CAIRN_RF", "1", "CAIRN_REPLICATION_RF", "2")));
        assertTrue(e.getMessage().contains("CAIRN_REPLICATION_RF and CAIRN_RF"), e.getMessage());
    }

    @Test
    void theScrubRateDefaultsTo10MiBAndZeroTurnsItOff() {
        assertEquals(10L << 20, CairnConfig.fromMap(Map.of("replication.replicas", "./a,./b")).replication().scrubRate());
        assertEquals(0, CairnConfig.fromMap(Map.of("replication.replicas", "./a,./b", "replication.scrub-rate", "0"))
                .replication().scrubRate());
        CairnConfig c = CairnConfig.load(new String[0], Map.of("CAIRN_REPLICAS", "./a,./b", "CAIRN_REPLICATION_SCRUB_RATE", "2MiB"));
        assertEquals(2L << 20, c.replication().scrubRate());
        assertBad(Map.of("replication.replicas", "./a,./b", "replication.scrub-rate", "fast"), "replication.scrub-rate", "fast");
    }

    @Test
    void rfDefaultsToTheNumberOfReplicasAndCannotExceedIt() {
        assertEquals(2, CairnConfig.fromMap(Map.of("replication.replicas", "./a,./b")).replication().rf());
        ConfigException e = assertThrows(ConfigException.class,
                () -> CairnConfig.fromMap(Map.of("replication.replicas", "./a,./b", "replication.rf", "3")));
        assertEquals("replication.rf", e.key());
        assertTrue(e.getMessage().contains("only 2 replicas"), e.getMessage());
    }

    @Test
    void aReplicaTreeInAYamlFileMixesBackends() throws IOException {
        Path file = dir.resolve("cairn.yaml");
        Files.writeString(file, """
                s3:
                  region: eu-west-1
                replication:
                  replicas: near, cloud, /srv/spare
                  write-policy: quorum
                  hedge-delay: 25ms
                  hedge-budget: 5%
                  scan-interval: 0
                replica:
                  near:
                    backend: local
                    local.dir: /srv/near
                  cloud:
                    backend: s3
                    s3:
                      bucket: cairn-replica
                      endpoint: http://127.0.0.1:4566
                      path-style: true
                """);
        CairnConfig.Replication r = CairnConfig.load(new String[] {"--config", file.toString()}, Map.of()).replication();
        assertEquals(List.of("near", "cloud", "spare"), r.replicas().stream().map(CairnConfig.Replica::name).toList());
        CairnConfig.Storage near = r.replicas().get(0).storage();
        assertEquals("local", near.backend());
        assertEquals("/srv/near", near.settings().get("local.dir"));
        CairnConfig.Storage cloud = r.replicas().get(1).storage();
        assertEquals("s3", cloud.backend());
        assertEquals("cairn-replica", cloud.settings().get("s3.bucket"));
        assertEquals("http://127.0.0.1:4566", cloud.settings().get("s3.endpoint"));
        assertEquals("eu-west-1", cloud.settings().get("s3.region"), "not set on the replica: the top-level value");
        assertEquals("/srv/spare", r.replicas().get(2).storage().settings().get("local.dir"));
        assertEquals(3, r.rf());
        assertEquals("quorum", r.writePolicy());
        assertEquals(Duration.ofMillis(25), r.hedgeDelay());
        assertEquals(0.05, r.hedgeBudget(), 1e-9);
        assertEquals(Duration.ZERO, r.scanInterval());
    }

    @Test
    void flagsConfigureNamedReplicasToo() {
        CairnConfig c = CairnConfig.load(new String[] {"--replication.replicas=m1,m2", "--replica.m1.backend=memory",
                "--replica.m2.backend=memory", "--replica.m2.memory.max-bytes=1MiB"}, Map.of());
        assertEquals("256MiB", c.replication().replicas().get(0).storage().settings().get("memory.max-bytes"));
        assertEquals("1MiB", c.replication().replicas().get(1).storage().settings().get("memory.max-bytes"));
    }

    @Test
    void mistakesNameTheKey() {
        assertBad(Map.of("replication.replicas", "nowhere"), "replication.replicas", "neither a configured replica");
        assertBad(Map.of("replication.replicas", "./a,./a"), "replication.replicas", "listed twice");
        assertBad(Map.of("replication.replicas", "./a", "replica.b.backend", "memory"), "replica.b.backend", "not listed");
        assertBad(Map.of("replica.b.backend", "memory"), "replica.b.backend", "replication.replicas is not set");
        assertBad(Map.of("replication.replicas", "b", "replica.b.local.dir", "/x"), "replica.b.backend", "needs a backend");
        assertBad(Map.of("replication.replicas", "b", "replica.b.backend", "floppy"), "replica.b.backend", "unknown storage backend");
        assertBad(Map.of("replication.write-policy", "most"), "replication.write-policy", "not a write policy");
        assertBad(Map.of("replication.hedge-budget", "150%"), "replication.hedge-budget", "between 0% and 100%");
        assertBad(Map.of("cache.chunk-size", "512"), "cache.chunk-size", "between 1KiB and 16MiB");
        assertBad(Map.of("cache.max-bytes", "16MiB", "cache.fill-limit", "8MiB"), "cache.fill-limit", "quarter");
        ConfigException unknown = assertThrows(ConfigException.class,
                () -> CairnConfig.fromMap(Map.of("replication.replicas", "b", "replica.b.backend", "memory", "replica.b.http.port", "1")));
        assertTrue(unknown.getMessage().contains("unknown configuration key 'replica.b.http.port'"), unknown.getMessage());
        assertThrows(ConfigException.class, () -> CairnConfig.fromMap(Map.of("replica.B.backend", "memory")), "names are lower-case");
    }

    @Test
    void helpExplainsReplicaKeysAndShowsTheShortVariables() {
        String help = HelpText.render(ConfigTable.create(BackendCatalog.discover()));
        assertTrue(help.contains("env CAIRN_REPLICATION_RF or CAIRN_RF"), help);
        assertTrue(help.contains("--replica.N.KEY=VALUE"), help);
    }

    private static void assertBad(Map<String, String> settings, String key, String text) {
        ConfigException e = assertThrows(ConfigException.class, () -> CairnConfig.fromMap(settings), settings.toString());
        assertEquals(key, e.key(), e.getMessage());
        assertTrue(e.getMessage().contains(text), e.getMessage());
    }
}
