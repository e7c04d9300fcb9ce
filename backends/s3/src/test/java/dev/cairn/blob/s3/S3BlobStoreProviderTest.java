package dev.cairn.blob.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BackendSettings;
import dev.cairn.blob.BlobStoreProvider;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class S3BlobStoreProviderTest {
    private static S3Config config(Map<String, String> extra) {
        Map<String, String> m = new HashMap<>(Map.of(S3BlobStoreProvider.BUCKET, "b"));
        m.putAll(extra);
        return S3BlobStoreProvider.config(new BackendSettings(Path.of("/data"), m));
    }

    private static void assertRejected(String key, Map<String, String> settings) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> S3BlobStoreProvider.config(new BackendSettings(Path.of("/data"), settings)));
        assertTrue(e.getMessage().startsWith(key), e.getMessage());
    }

    @Test
    void isFoundByServiceLoaderUnderItsName() {
        assertTrue(ServiceLoader.load(BlobStoreProvider.class).stream().anyMatch(p -> p.get().name().equals("s3")));
    }

    @Test
    void defaultsTargetAwsWithTheDefaultCredentialsChain() {
        S3Config c = config(Map.of());
        assertEquals("b", c.bucket());
        assertEquals("", c.prefix());
        assertEquals("us-east-1", c.region());
        assertNull(c.endpoint());
        assertTrue(c.awsItself());
        assertFalse(c.staticCredentials());
        assertFalse(c.pathStyle());
        assertEquals(64, c.maxConnections());
        assertEquals(Duration.ofSeconds(2), c.connectTimeout());
        assertEquals(Duration.ofSeconds(30), c.socketTimeout());
        assertEquals(Duration.ZERO, c.apiCallTimeout());
        assertEquals(4, c.maxAttempts());
        assertEquals("auto", c.conditionalWrites());
        assertEquals(Path.of("/data/s3-spool"), c.spoolDir());
        assertEquals(1 << 20, c.spoolMemoryThreshold());
    }

    @Test
    void everySettingIsRead() {
        S3Config c = config(Map.of(S3BlobStoreProvider.PREFIX, "cairn/", S3BlobStoreProvider.REGION, "eu-west-3",
                S3BlobStoreProvider.ENDPOINT, "http://127.0.0.1:4566", S3BlobStoreProvider.PATH_STYLE, "true",
                S3BlobStoreProvider.ACCESS_KEY_ID, "AKID", S3BlobStoreProvider.SECRET_ACCESS_KEY, "s3cr3t",
                S3BlobStoreProvider.SOCKET_TIMEOUT, "250ms", S3BlobStoreProvider.CALL_TIMEOUT, "2m",
                S3BlobStoreProvider.CONDITIONAL_WRITES, "FALSE"));
        assertEquals(URI.create("http://127.0.0.1:4566"), c.endpoint());
        assertEquals(Duration.ofMillis(250), c.socketTimeout());
        assertEquals(Duration.ofMinutes(2), c.apiCallTimeout());
        assertEquals("false", c.conditionalWrites());
        assertTrue(c.pathStyle() && c.staticCredentials());
        assertFalse(c.toString().contains("s3cr3t"), "the secret must never be printed: " + c);
    }

    @Test
    void badSettingsAreRejectedNamingTheKey() {
        assertRejected(S3BlobStoreProvider.BUCKET, Map.of());
        assertRejected(S3BlobStoreProvider.REGION, Map.of(S3BlobStoreProvider.BUCKET, "b", S3BlobStoreProvider.REGION, "eu/west"));
        assertRejected(S3BlobStoreProvider.ENDPOINT, Map.of(S3BlobStoreProvider.BUCKET, "b", S3BlobStoreProvider.ENDPOINT, "ftp://x"));
        assertRejected(S3BlobStoreProvider.ACCESS_KEY_ID, Map.of(S3BlobStoreProvider.BUCKET, "b", S3BlobStoreProvider.ACCESS_KEY_ID, "AKID"));
        assertRejected(S3BlobStoreProvider.MAX_CONNECTIONS, Map.of(S3BlobStoreProvider.BUCKET, "b", S3BlobStoreProvider.MAX_CONNECTIONS, "0"));
        assertRejected(S3BlobStoreProvider.SOCKET_TIMEOUT, Map.of(S3BlobStoreProvider.BUCKET, "b", S3BlobStoreProvider.SOCKET_TIMEOUT, "soon"));
        assertRejected(S3BlobStoreProvider.CONDITIONAL_WRITES, Map.of(S3BlobStoreProvider.BUCKET, "b", S3BlobStoreProvider.CONDITIONAL_WRITES, "maybe"));
        assertRejected(S3BlobStoreProvider.PREFIX, Map.of(S3BlobStoreProvider.BUCKET, "b", S3BlobStoreProvider.PREFIX, "/abs"));
    }

    @Test
    void metadataValuesRoundTripThroughTheirHeaderForm() {
        for (String v : new String[] {"plain", "", "  padded ", "a, b", "=?UTF-8?B?x?=", "Zo\u00eb", "\ud83d\ude00", "tab\there"}) {
            assertEquals(v, MetadataCodec.decodeValue(MetadataCodec.encodeValue(v)), v);
            String wire = MetadataCodec.encodeValue(v);
            assertTrue(wire.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7f), "not header-safe: " + wire);
        }
        assertEquals("5242880*3,17", MetadataCodec.runLength(java.util.List.of(5242880L, 5242880L, 5242880L, 17L)));
        assertEquals(java.util.List.of(5242880L, 5242880L, 5242880L, 17L), MetadataCodec.parseRunLength("5242880*3,17"));
    }
}
