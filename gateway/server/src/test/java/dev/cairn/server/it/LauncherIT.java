package dev.cairn.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ./cairn} launcher itself: help, version, configuration errors, from any directory. */
class LauncherIT {
    @TempDir
    Path elsewhere;

    @Test
    void helpListsEveryOptionWithoutRebuildingAFreshJar() throws Exception {
        LaunchedGateway.Result r = LaunchedGateway.run(elsewhere, "--help");
        assertEquals(0, r.exitCode(), r.output());
        assertFalse(r.output().contains("building cairn"), "integration tests run after package: the jar is fresh\n" + r.output());
        assertTrue(r.output().contains("Usage: cairn"), r.output());
        for (String expected : new String[] {"--http.port=PORT", "CAIRN_HTTP_PORT", "CAIRN_DATA_DIR", "CAIRN_BACKEND",
            "CAIRN_ACCESS_KEY", "CAIRN_SECRET_KEY", "CAIRN_OAP_WRITE_TOKEN", "memory.max-bytes", "local.min-free", "oap.max-body"}) {
            assertTrue(r.output().contains(expected), "help mentions " + expected + "\n" + r.output());
        }
        assertTrue(Files.notExists(elsewhere.resolve("data")), "--help creates no data directory");
    }

    @Test
    void badConfigurationFailsAtStartNamingTheKey() throws Exception {
        LaunchedGateway.Result r = LaunchedGateway.run(elsewhere, "--oap.max-body=lots");
        assertEquals(2, r.exitCode(), r.output());
        assertTrue(r.output().contains("oap.max-body"), r.output());
        assertFalse(r.output().contains("\tat "), "no stack trace\n" + r.output());

        LaunchedGateway.Result unknown = LaunchedGateway.run(elsewhere, "--http.prot=9000");
        assertEquals(2, unknown.exitCode(), unknown.output());
        assertTrue(unknown.output().contains("http.prot"), unknown.output());
    }

    /**
     * The launcher's classpath carries the S3 backend and the AWS SDK it needs (a test-scoped SDK
     * in this pom once left it out of target/lib). An endpoint that refuses connections at start
     * stops the gateway with exit code 1 and a one-line UNAVAILABLE reason (the server checks its
     * OAP bucket before it listens), never a class-loading error, and the backend secret is not printed.
     */
    @Test
    void s3BackendLoadsFromTheLauncherAndAnUnreachableEndpointFailsTheStartCleanly() throws Exception {
        LaunchedGateway.Result r = LaunchedGateway.run(elsewhere, "--backend=s3", "--s3.bucket=cairn",
                "--s3.endpoint=http://127.0.0.1:9", "--s3.path-style=true", "--s3.access-key-id=launcher-id",
                "--s3.secret-access-key=launcher-secret-value", "--s3.connect-timeout=300ms", "--s3.max-attempts=1",
                "--http.host=127.0.0.1", "--http.port=0");
        assertEquals(1, r.exitCode(), r.output());
        assertFalse(r.output().contains("NoClassDefFoundError"), r.output());
        assertTrue(r.output().contains("cairn: cannot start: UNAVAILABLE"), r.output());
        assertTrue(r.output().contains("Connection refused"), r.output());
        assertFalse(r.output().contains("launcher-secret-value"), r.output());
    }
}
