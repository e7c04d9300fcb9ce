package dev.cairn.compat;

import dev.cairn.server.CairnServer;
import dev.cairn.server.config.CairnConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A real gateway in this JVM on a free loopback port, started exactly as {@code ./cairn} starts
 * one (same configuration binding, Jetty, Jersey and S3 pipeline), with fixed credentials.
 */
final class Gateway implements AutoCloseable {
    static final String ACCESS_KEY = "AKIDCAIRNCOMPAT0001";
    static final String SECRET_KEY = "compat-secret-key-for-sdk-lanes-0123456789";
    static final String REGION = "us-east-1";

    private final CairnServer server;

    private Gateway(CairnServer server) {
        this.server = server;
    }

    /**
     * @param backend {@code memory} or {@code local}; replaced by the JVM's backend lane when
     *     {@value BackendLane#PROPERTY} is set ({@link BackendLane})
     * @param dataDir credentials and, for {@code local}, the objects
     * @param extra further settings, e.g. {@code s3.virtual-host-domain}
     */
    static Gateway start(String backend, Path dataDir, Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>();
        settings.put("http.host", "127.0.0.1");
        settings.put("http.port", "0");
        String lane = BackendLane.override();
        if (lane == null) {
            settings.put("backend", backend);
        } else {
            settings.putAll(BackendLane.settings(lane));
            backend = lane;
        }
        settings.put("data.dir", dataDir.toString());
        settings.put("access-key", ACCESS_KEY);
        settings.put("secret-key", SECRET_KEY);
        settings.put("oap.write-token", "compat-oap-token");
        // temp dirs may sit on a nearly full disk; the local backend's default floor would refuse writes
        if (backend.equals("local") || backend.equals("replicated")) {
            settings.put("local.min-free", "1MiB");
        }
        settings.putAll(extra);
        return new Gateway(CairnServer.start(CairnConfig.fromMap(settings)));
    }

    int port() {
        return server.port();
    }

    /** {@code http://127.0.0.1:PORT} (no trailing slash, as clients want their endpoint). */
    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    @Override
    public void close() {
        server.close();
    }
}
