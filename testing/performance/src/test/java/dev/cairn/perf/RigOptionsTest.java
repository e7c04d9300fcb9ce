package dev.cairn.perf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RigOptionsTest {
    private static final Path REPO = Path.of("/repo");
    private static final Instant NOW = Instant.parse("2026-11-27T15:04:05Z");

    private static RigOptions parse(String... args) {
        return RigOptions.parse(args, REPO, NOW);
    }

    @Test
    void defaults() {
        RigOptions o = parse();
        assertEquals(List.of(TargetKind.CAIRN, TargetKind.S3PROXY, TargetKind.NGINX), o.targets());
        assertEquals(List.of(Mix.READ_A), o.mixes());
        assertEquals(List.of(Api.S3, Api.OAP), o.apis());
        assertEquals(new Load("rate", 200), o.load());
        assertEquals(30, o.durationSeconds());
        assertEquals(5, o.warmupSeconds());
        assertEquals(2, o.rounds());
        assertArrayEquals(new int[] {16, 16, 8}, o.hot());
        assertEquals(64, o.cold());
        assertEquals(Path.of("/repo/testing/performance/results/20261127T150405Z.json"), o.out());
        assertEquals(1.5, o.soakDamage());
        assertEquals(List.of("-Xmx1g"), o.cairnJvm());
    }

    @Test
    void everyOption() {
        RigOptions o = parse("--targets", "nginx,cairn", "--mix", "write-b", "--mix=abuse", "--api", "oap", "--concurrency", "16",
                "--duration", "20", "--warmup", "0", "--rounds", "3", "--cairn-opt", "local.fsync=false", "--cairn-opt", "--cache.max-bytes=0",
                "--cairn-jvm", " -Xmx2g  -XX:+UseZGC ", "--hot", "1/2/3", "--cold", "0", "--out", "/tmp/x.json", "--reference", "s3proxy",
                "--soak-damage", "2%", "--ports", "19200-19299", "--work-dir", "/tmp/w");
        assertEquals(List.of(TargetKind.NGINX, TargetKind.CAIRN), o.targets());
        assertEquals(List.of(Mix.WRITE_B, Mix.ABUSE), o.mixes());
        assertEquals(List.of(Api.OAP), o.apis());
        assertEquals(new Load("concurrency", 16), o.load());
        assertEquals(Map.of("local.fsync", "false", "cache.max-bytes", "0"), o.cairnSettings());
        assertEquals(List.of("-Xmx2g", "-XX:+UseZGC"), o.cairnJvm());
        assertArrayEquals(new int[] {1, 2, 3}, o.hot());
        assertEquals(TargetKind.S3PROXY, o.referenceFor(Mix.READ_A));
        assertEquals(2.0, o.soakDamage());
        assertArrayEquals(new int[] {19200, 19299}, o.ports().orElseThrow());
        assertEquals(Path.of("/tmp/w"), o.workDir());
    }

    @Test
    void whereEachMixRuns() {
        RigOptions o = parse();
        assertEquals(List.of(TargetKind.CAIRN, TargetKind.S3PROXY, TargetKind.NGINX), o.targetsFor(Mix.READ_A, Api.S3));
        assertEquals(List.of(TargetKind.CAIRN, TargetKind.NGINX), o.targetsFor(Mix.READ_A, Api.OAP));
        assertEquals(List.of(TargetKind.CAIRN, TargetKind.S3PROXY), o.targetsFor(Mix.WRITE_B, Api.S3));
        assertEquals(List.of(TargetKind.CAIRN), o.targetsFor(Mix.WRITE_B, Api.OAP));
        assertEquals(List.of(TargetKind.CAIRN), o.targetsFor(Mix.ABUSE, Api.S3));
        assertEquals(List.of(TargetKind.CAIRN), o.targetsFor(Mix.SOAK, Api.OAP));
        assertEquals(TargetKind.NGINX, o.referenceFor(Mix.READ_A));
        assertEquals(TargetKind.S3PROXY, o.referenceFor(Mix.WRITE_B));
    }

    @Test
    void pairsRunOnlyTheMixesAndApisNamed() {
        RigOptions o = parse("--targets", "cairn", "--pair", "read-a:s3", "--pair", "write-b:oap", "--mix", "abuse");
        assertEquals(List.of(Mix.READ_A, Mix.WRITE_B), o.mixes());
        assertEquals(List.of(Api.S3, Api.OAP), o.apis());
        assertEquals(List.of(TargetKind.CAIRN), o.targetsFor(Mix.READ_A, Api.S3));
        assertEquals(List.of(), o.targetsFor(Mix.READ_A, Api.OAP));
        assertEquals(List.of(TargetKind.CAIRN), o.targetsFor(Mix.WRITE_B, Api.OAP));
        assertEquals(List.of(), o.targetsFor(Mix.WRITE_B, Api.S3));
        assertMessage("--pair wants MIX:API", "--pair", "read-a");
        assertMessage("unknown API 'http'", "--pair", "read-a:http");
    }

    @Test
    void badOptionsNameTheProblem() {
        assertMessage("not both", "--rate", "10", "--concurrency", "5");
        assertMessage("unknown option --frob", "--frob", "1");
        assertMessage("unknown target 'apache'", "--targets", "cairn,apache");
        assertMessage("unknown mix 'read-c'", "--mix", "read-c");
        assertMessage("--rate must be at least 1", "--rate", "0");
        assertMessage("--duration wants a whole number", "--duration", "ten");
        assertMessage("--hot wants three counts", "--hot", "16/16");
        assertMessage("--cairn-opt wants KEY=VALUE", "--cairn-opt", "fsync");
        assertMessage("--reference is the peer", "--reference", "cairn");
        assertMessage("--rounds needs a value", "--rounds");
        assertMessage("--ports", "--ports", "19300-19200");
        assertMessage("--soak-damage must be between", "--soak-damage", "150");
        assertMessage("unexpected argument", "read-a");
        assertThrows(RigOptions.HelpRequested.class, () -> parse("--rate", "5", "--help"));
    }

    private static void assertMessage(String expected, String... args) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(args));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
