package dev.cairn.server.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void everythingElseIsS3AndNeverTheRawPath() {
        assertEquals(Route.S3, Route.classify("GET", "/"));
        assertEquals(Route.S3, Route.classify("GET", ""));
        assertEquals(Route.S3, Route.classify("PUT", "/bucket/a//b/../x%2Fy"));
        assertEquals(Route.S3, Route.classify("GET", "/healthz/extra"));
        assertEquals("oap_put", Route.OAP_PUT.label());
        assertEquals("s3", Route.S3.label());
    }
}
