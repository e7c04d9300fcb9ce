package dev.cairn.gateway.oap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.blob.digest.Blake3;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlobAddressTest {
    static final String HEX = Blake3.hex("hello".getBytes(StandardCharsets.UTF_8));

    @Test
    void parsesAndFormatsTheCanonicalForm() {
        BlobAddress a = BlobAddress.parse("b3:" + HEX);
        assertEquals(HEX, a.hex());
        assertEquals("b3:" + HEX, a.text());
        assertEquals("\"b3:" + HEX + "\"", a.etag());
        assertEquals("/o/b3:" + HEX, a.location());
        assertEquals(".oap", a.key(".oap").bucket());
        assertEquals("b3:" + HEX, a.key(".oap").key());
    }

    @Test
    void knownVector() {
        // BLAKE3 of the empty input, from the reference test vectors
        assertEquals("af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262", Blake3.hex(new byte[0]));
        assertEquals("b3:af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262",
                BlobAddress.parse("b3:af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262").text());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "b3:", "b3", "B3:af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262",
        "b3:AF1349B9F5F9A1A6A0404DEA36DCC9499BCB25C9ADC112B7CC9A93CAE41F3262",
        "b3:af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f326",
        "b3:af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f32620",
        "b3:af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f326g",
        "sha256:af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262",
        "b3%3Aaf1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262",
        " b3:af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262",
        "b3:af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262/",
        "b3:af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f326\u0662",
        "b3:af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262?x"
    })
    void rejectsEverythingElse(String text) {
        assertNull(BlobAddress.parse(text), text);
    }

    @Test
    void constructorRejectsNonCanonicalHex() {
        assertThrows(IllegalArgumentException.class, () -> new BlobAddress(HEX.toUpperCase(java.util.Locale.ROOT)));
    }
}
