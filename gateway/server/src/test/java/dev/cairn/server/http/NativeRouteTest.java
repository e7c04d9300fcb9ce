package dev.cairn.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which requests the native edge takes: reads of objects only, and Jersey whenever in doubt. */
class NativeRouteTest {
    private final NativeRoute route = new NativeRoute(Set.of("healthz", "readyz", "metrics", "put", "o", "probe"));

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "GET, /o/b3:abc, OAP", "HEAD, /o/b3:abc, OAP", "GET, /o/, OAP",
        "PUT, /o/b3:abc, JERSEY", "POST, /o, JERSEY", "GET, /o, JERSEY", "GET, /put, JERSEY",
        "GET, /healthz, JERSEY", "GET, /healthz/, JERSEY", "HEAD, /readyz, JERSEY", "GET, /metrics, JERSEY",
        "GET, /%6Detrics, JERSEY", "GET, //healthz, JERSEY", "GET, /healthz;x=1, JERSEY", "GET, /o%2Fb3:abc, JERSEY",
        "GET, /probe/x, JERSEY", "GET, /%zz/k, JERSEY", "GET, /%, JERSEY",
        "GET, /bucket/key, S3", "HEAD, /bucket/key, S3", "GET, /, S3", "GET, '', S3", "GET, /bucket, S3",
        "GET, /healthzz/k, S3", "GET, /ob/k, S3", "GET, /b%20x/k, S3",
        "PUT, /bucket/key, JERSEY", "DELETE, /bucket/key, JERSEY", "POST, /bucket, JERSEY", "OPTIONS, /bucket/key, JERSEY"
    })
    void routes(String method, String path, NativeRoute.Target expected) {
        assertEquals(expected, route.of(method, path));
    }
}
