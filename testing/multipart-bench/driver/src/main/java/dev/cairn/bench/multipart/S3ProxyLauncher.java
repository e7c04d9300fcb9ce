package dev.cairn.bench.multipart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * S3Proxy 2.6.0 ({@code org.gaul.s3proxy.Main --properties FILE}) with a jclouds filesystem
 * provider under the run directory and AWS v2/v4 authentication. Logging is set to INFO as in
 * S3Proxy's own distribution (its jar has no logback configuration, and logback's default would
 * log every request at DEBUG, which would charge S3Proxy for our missing configuration).
 */
public final class S3ProxyLauncher implements ServerLauncher {
    private static final String LOGBACK = """
            <configuration>
              <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
                <encoder><pattern>[s3proxy] %p %d %t %c{30} %m%n</pattern></encoder>
              </appender>
              <root level="info"><appender-ref ref="STDOUT"/></root>
            </configuration>
            """;

    private final String classpath;
    private final List<String> jvmOptions;
    private final String provider;

    /** @param provider the jclouds provider: {@code filesystem} or {@code filesystem-nio2} */
    public S3ProxyLauncher(String classpath, List<String> jvmOptions, String provider) {
        this.classpath = classpath;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.provider = provider;
    }

    @Override
    public ServerProcess start(Path runDir, int port) {
        Path data = runDir.resolve("data");
        Path properties = runDir.resolve("s3proxy.properties");
        Path logback = runDir.resolve("logback.xml");
        try {
            Files.createDirectories(data);
            Files.writeString(properties, String.join("\n",
                    "s3proxy.endpoint=http://127.0.0.1:" + port,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + ACCESS_KEY,
                    "s3proxy.credential=" + SECRET_KEY,
                    "jclouds.provider=" + provider,
                    // unused by the filesystem providers, but filesystem-nio2 refuses to start without them
                    "jclouds.identity=local",
                    "jclouds.credential=local",
                    "jclouds.filesystem.basedir=" + data,
                    ""), StandardCharsets.UTF_8);
            Files.writeString(logback, LOGBACK, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare S3Proxy's files in " + runDir, e);
        }
        List<String> options = new ArrayList<>(jvmOptions);
        options.add("-Dlogback.configurationFile=" + logback);
        List<String> command = ServerLauncher.javaCommand(options, classpath, "org.gaul.s3proxy.Main");
        command.add("--properties");
        command.add(properties.toString());
        return ServerProcess.start("S3Proxy", command, runDir, port, runDir.resolve("server.log"));
    }
}
