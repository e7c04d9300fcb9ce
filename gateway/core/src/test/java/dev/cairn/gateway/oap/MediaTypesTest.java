package dev.cairn.gateway.oap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MediaTypesTest {

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/octet-stream", "text/plain; charset=utf-8", "text/plain;charset=\"utf-8\"",
        "application/vnd.api+json", "multipart/form-data; boundary=\"a b\"", "text/plain;", "image/svg+xml ; q=1"})
    void acceptsMediaTypes(String v) {
        assertTrue(MediaTypes.isValid(v), v);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "text", "text/", "/plain", "text/plain/x", "text plain", "text/plain; charset",
        "text/plain; =x", "text/plain; a=\"unterminated", "téxt/plain", "text/plain, text/html", "text/plain; a=b c"})
    void rejectsOtherText(String v) {
        assertFalse(MediaTypes.isValid(v), v);
    }

    @org.junit.jupiter.api.Test
    void rejectsVeryLongValues() {
        assertFalse(MediaTypes.isValid("text/" + "x".repeat(MediaTypes.MAX_LENGTH)));
    }
}
