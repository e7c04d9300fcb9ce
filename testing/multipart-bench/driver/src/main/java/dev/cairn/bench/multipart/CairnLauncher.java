package dev.cairn.bench.multipart;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cairn as {@code ./cairn} runs it ({@code dev.cairn.server.Main}), local backend on a fresh data
 * directory, with fixed credentials and any further settings (e.g. {@code local.fsync=false}).
 */
final class CairnLauncher implements ServerLauncher {
    private final String classpath;
    private final List<String> jvmOptions;
    private final Map<String, String> settings;

    CairnLauncher(String classpath, List<String> jvmOptions, Map<String, String> settings) {
        this.classpath = classpath;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.settings = Map.copyOf(settings);
    }

    @Override
    public ServerProcess start(Path runDir, int port) {
        Map<String, String> flags = new TreeMap<>();
        flags.put("http.host", "127.0.0.1");
        flags.put("http.port", Integer.toString(port));
        flags.put("backend", "local");
        flags.put("data.dir", runDir.resolve("data").toString());
        flags.put("access-key", ACCESS_KEY);
        flags.put("secret-key", SECRET_KEY);
        flags.put("oap.write-token", "multipart-bench-oap-token");
        flags.putAll(settings);
        List<String> command = ServerLauncher.javaCommand(jvmOptions, classpath, "dev.cairn.server.Main");
        flags.forEach((key, value) -> command.add("--" + key + "=" + value));
        return ServerProcess.start("Cairn", command, runDir, port, runDir.resolve("server.log"));
    }
}
