package dev.cairn.bench.multipart;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;

/**
 * A server configuration and the SDK setting it is driven with.
 *
 * @param checksums {@code WHEN_REQUIRED} sends plain bodies; {@code WHEN_SUPPORTED} (the SDK's
 *     default) sends aws-chunked bodies with a trailing CRC32, which S3Proxy 2.6.0 rejects
 */
record Variant(String name, String description, ServerLauncher launcher, RequestChecksumCalculation checksums) {

    /** The names {@link #named} knows, in the order the help lists them. */
    static final List<String> NAMES = List.of("cairn", "s3proxy", "cairn-sdk-defaults", "cairn-no-fsync", "s3proxy-nio2",
            "s3proxy-sdk-defaults");

    /**
     * @throws IllegalArgumentException for a name not in {@link #NAMES}
     * @throws IllegalStateException if the server's classpath file is missing
     */
    static Variant named(String name, BenchOptions options) {
        List<String> jvm = options.jvmOptions();
        return switch (name) {
            case "cairn" -> new Variant(name, "Cairn, local backend (fsync on), SDK at WHEN_REQUIRED",
                    cairn(options, Map.of()), RequestChecksumCalculation.WHEN_REQUIRED);
            case "cairn-sdk-defaults" -> new Variant(name, "Cairn, local backend, SDK defaults (aws-chunked + CRC32 trailer)",
                    cairn(options, Map.of()), RequestChecksumCalculation.WHEN_SUPPORTED);
            case "cairn-no-fsync" -> new Variant(name, "Cairn, local backend with local.fsync=false, SDK at WHEN_REQUIRED",
                    cairn(options, Map.of("local.fsync", "false")), RequestChecksumCalculation.WHEN_REQUIRED);
            case "s3proxy" -> new Variant(name, "S3Proxy 2.6.0, jclouds filesystem, SDK at WHEN_REQUIRED",
                    new S3ProxyLauncher(ServerLauncher.readClasspath(options.s3proxyClasspath()), jvm, "filesystem"),
                    RequestChecksumCalculation.WHEN_REQUIRED);
            case "s3proxy-nio2" -> new Variant(name, "S3Proxy 2.6.0, jclouds filesystem-nio2, SDK at WHEN_REQUIRED",
                    new S3ProxyLauncher(ServerLauncher.readClasspath(options.s3proxyClasspath()), jvm, "filesystem-nio2"),
                    RequestChecksumCalculation.WHEN_REQUIRED);
            // expected to fail (S3Proxy 2.6.0 rejects aws-chunked bodies with trailers): shows why the others use WHEN_REQUIRED
            case "s3proxy-sdk-defaults" -> new Variant(name, "S3Proxy 2.6.0, jclouds filesystem, SDK defaults",
                    new S3ProxyLauncher(ServerLauncher.readClasspath(options.s3proxyClasspath()), jvm, "filesystem"),
                    RequestChecksumCalculation.WHEN_SUPPORTED);
            default -> throw new IllegalArgumentException("unknown variant '" + name + "'; known: " + NAMES);
        };
    }

    private static ServerLauncher cairn(BenchOptions options, Map<String, String> settings) {
        return new CairnLauncher(ServerLauncher.readClasspath(options.cairnClasspath()), options.jvmOptions(), settings);
    }
}
