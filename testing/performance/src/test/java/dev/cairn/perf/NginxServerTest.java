package dev.cairn.perf;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NginxServerTest {
    @Test
    void theConfigurationServesTheRootStaticallyAndQuietly() {
        String conf = NginxServer.config(Path.of("/w/run"), Path.of("/w/root"), 19250, false);
        for (String line : new String[] {"daemon off;", "worker_processes auto;", "access_log off;", "sendfile on;",
            "keepalive_timeout 65s;", "listen 127.0.0.1:19250;", "root /w/root;", "pid /w/run/nginx.pid;",
            "client_body_temp_path /w/run/temp/body;"}) {
            assertTrue(conf.contains(line), line + " in\n" + conf);
        }
        assertFalse(conf.contains("user root;"));
        assertTrue(NginxServer.config(Path.of("/w/run"), Path.of("/w/root"), 19250, true).startsWith("user root;\n"));
    }
}
