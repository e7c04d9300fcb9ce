package dev.cairn.blob.s3;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * S3Proxy 2.6.0 (Maven Central) in this JVM on jclouds' in-memory store: the second S3 lane, a
 * server with its own, stricter validation than LocalStack's. Started once per JVM.
 */
final class S3ProxyServer {
    static final String ACCESS_KEY = "s3proxy-access";
    static final String SECRET_KEY = "s3proxy-secret-key";

    private static S3Target shared;

    private S3ProxyServer() {
    }

    static synchronized S3Target shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    private static S3Target start() {
        try {
            int port;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            BlobStoreContext ctx = ContextBuilder.newBuilder("transient").credentials("identity", "credential")
                    .overrides(new Properties()).build(BlobStoreContext.class);
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            S3Proxy proxy = S3Proxy.builder().blobStore(ctx.getBlobStore()).endpoint(endpoint)
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
            proxy.start();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!"STARTED".equals(proxy.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
                }
                Thread.sleep(20);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    proxy.stop();
                } catch (Exception e) {
                    // exiting anyway
                }
            }, "s3proxy-stop"));
            return new S3Target("s3proxy", endpoint, ACCESS_KEY, SECRET_KEY, "us-east-1", "cairn-contract").ensureBucket();
        } catch (Exception e) {
            throw new IllegalStateException("could not start S3Proxy in-process: " + e, e);
        }
    }
}
