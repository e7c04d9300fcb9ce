package dev.cairn.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The admission.* keys and the http limits added with them: defaults, the short environment variables, and every refusal. */
class AdmissionConfigTest {

    @Test
    void defaultsLimitConcurrencyButNotTheRate() {
        assertEquals(new CairnConfig.Admission(1024, 0, 0.5, 0.9, 0.25, Duration.ofSeconds(10), Duration.ofSeconds(10), 256, 8192),
                CairnConfig.fromMap(Map.of()).admission());
    }

    @Test
    void theShortEnvironmentVariablesSetTheLimits() {
        CairnConfig c = CairnConfig.load(new String[0], Map.of("CAIRN_MAX_INFLIGHT", "64", "CAIRN_MAX_RPS", "500",
                "CAIRN_ADMISSION_WRITE_SHARE", "25%", "CAIRN_HTTP_HEADER_TIMEOUT", "3s", "CAIRN_HTTP_MAX_URI_LENGTH", "4KiB"));
        assertEquals(64, c.admission().maxInflight());
        assertEquals(500, c.admission().maxRps());
        assertEquals(0.25, c.admission().writeShare(), 1e-9);
        assertEquals(Duration.ofSeconds(3), c.admission().headerTimeout());
        assertEquals(4096, c.admission().maxUriLength());
    }

    @Test
    void zeroMeansUnlimitedOrOff() {
        CairnConfig.Admission a = CairnConfig.fromMap(Map.of("admission.max-inflight", "0", "http.header-timeout", "0",
                "http.min-request-data-rate", "0")).admission();
        assertEquals(0, a.maxInflight());
        assertEquals(Duration.ZERO, a.headerTimeout());
        assertEquals(0, a.minRequestDataRate());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "admission.max-inflight|-1|must be at least 0",
        "admission.max-rps|lots|admission.max-rps",
        "admission.write-share|0%|writes would never be admitted",
        "admission.write-high-water|0|writes would never be admitted",
        "admission.error-rate|150%|between 0% and 100%",
        "admission.error-window|500ms|between 1s and 60s",
        "admission.error-window|2m|between 1s and 60s",
        "http.header-timeout|-1s|admission",
        "http.max-uri-length|8|between 16 bytes and 2GiB"})
    void badValuesAreRefusedNamingTheKey(String key, String value, String message) {
        ConfigException e = assertThrows(ConfigException.class, () -> CairnConfig.fromMap(Map.of(key, value)));
        assertTrue(e.getMessage().contains(key), e.getMessage());
        if (!message.equals("admission")) {
            assertTrue(e.getMessage().contains(message), e.getMessage());
        }
    }
}
