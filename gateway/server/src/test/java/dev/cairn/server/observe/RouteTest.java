package dev.cairn.server.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteTest {
    @Test
    void fixedRoutesByMethodAndPath() {
        assertEquals(Route.HEALTHZ, Route.classify("GET", "/healthz"));
        assertEquals(Route.READYZ, Route.classify("HEAD", "/readyz"));
        assertEquals(Route.METRICS, Route.classify("GET", "/metrics"));
        assertEquals(Route.OAP_PUT, Route.classify("PUT", "/put"));
        assertEquals(Route.OAP_PUT, Route.classify("POST", "/put"));
        assertEquals(Route.OAP_PUT, Route.classify("POST", "/o"));
        assertEquals(Route.OAP_PUT, Route.classify("PUT", "/o/b3:abc"));
        assertEquals(Route.OTHER, Route.classify("GET", "/o"));
        assertEquals(Route.OAP_GET, Route.classify("GET", "/o/abc"));
        assertEquals(Route.OAP_HEAD, Route.classify("HEAD", "/o/abc"));
    }

    @Test
    void wrongMethodOnAFixedRouteIsOther() {
        assertEquals(Route.OTHER, Route.classify("POST", "/healthz"));
        assertEquals(Route.OTHER, Route.classify("DELETE", "/o/abc"));
        assertEquals(Route.OTHER, Route.classify("GET", "/put"));
    }

    @Test
    void everythingElseIsS3ByMethodAndNeverTheRawPath() {
        assertEquals(Route.S3_GET, Route.classify("GET", "/"));
        assertEquals(Route.S3_GET, Route.classify("GET", ""));
        assertEquals(Route.S3_PUT, Route.classify("PUT", "/bucket/a//b/../x%2Fy"));
        assertEquals(Route.S3_GET, Route.classify("GET", "/healthz/extra"));
        assertEquals(Route.S3_HEAD, Route.classify("HEAD", "/bucket/key"));
        assertEquals(Route.S3_POST, Route.classify("POST", "/bucket?delete"));
        assertEquals(Route.S3_DELETE, Route.classify("DELETE", "/bucket/key"));
        assertEquals(Route.S3_OTHER, Route.classify("PATCH", "/bucket/key"));
        assertEquals(Route.S3_OTHER, Route.classify("BREW", "/bucket"));
        assertEquals("oap_put", Route.OAP_PUT.label());
    }

    @Test
    void labelsArePublicApi() {
        assertEquals(List.of("oap_put", "oap_get", "oap_head", "healthz", "readyz", "metrics", "s3_get", "s3_head", "s3_put", "s3_post",
                "s3_delete", "s3_other", "other"), Arrays.stream(Route.values()).map(Route::label).toList());
    }
}
