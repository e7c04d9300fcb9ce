package dev.cairn.compat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Virtual-hosted-style addressing ({@code http://BUCKET.localhost:PORT/key}) with
 * {@code s3.virtual-host-domain=localhost}, SDK defaults otherwise. Many resolvers (glibc's
 * among them) do not map {@code *.localhost} to the loopback address, so the HTTP client gets a
 * resolver that does: the requests, Host headers and signatures are exactly those a client
 * sends to a real virtual-host deployment. Presigned URLs are fetched path-style, since the
 * plain HTTP client that fetches them uses the system resolver.
 */
class JavaSdkVirtualHostTest extends JavaSdkLane {
    @Override
    String backend() {
        return "memory";
    }

    @Override
    Map<String, String> gatewaySettings() {
        return Map.of("s3.virtual-host-domain", "localhost");
    }

    @Override
    S3Client client(Gateway gateway) {
        return withCredentials(Gateway.ACCESS_KEY, Gateway.SECRET_KEY);
    }

    @Override
    S3Client withCredentials(String accessKey, String secretKey) {
        return S3Client.builder()
                .endpointOverride(URI.create("http://localhost:" + gateway.port()))
                .region(Region.of(Gateway.REGION))
                .forcePathStyle(false)
                .credentialsProvider(credentials(accessKey, secretKey))
                .httpClient(ApacheHttpClient.builder().dnsResolver(JavaSdkVirtualHostTest::resolveLocalhost).build())
                .build();
    }

    private static InetAddress[] resolveLocalhost(String host) throws UnknownHostException {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return new InetAddress[] {InetAddress.getByAddress(h, new byte[] {127, 0, 0, 1})};
        }
        throw new UnknownHostException(host + " (only *.localhost resolves in this lane)");
    }

    @Override
    S3Presigner presigner(Gateway gateway) {
        return pathStylePresigner(gateway.endpoint());
    }
}
