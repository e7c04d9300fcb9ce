package dev.cairn.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * boto3 through keep-alive whitespace: the gateway runs over the test-only {@code slow-complete}
 * backend (every completion takes 3 s), commits 200 after 200 ms and sends a space every 200 ms;
 * the client's read timeout is 1 s with retries off. It must get its result, and an
 * {@code <Error>} inside the 200 as a ClientError with the right code ({@code boto3_session.py
 * slow_complete}).
 */
class KeepAliveLaneTest extends ProgramLane {
    @Override
    String backend() {
        return SlowCompleteStoreProvider.NAME;
    }

    @Override
    Map<String, String> settings() {
        return Map.of(SlowCompleteStoreProvider.DELAY, "3s", "s3.complete-keepalive-after", "200ms",
                "s3.complete-keepalive-interval", "200ms", "s3.min-part-size", "1B");
    }

    @Test
    void boto3CompletesThroughKeepAliveAndSeesTheErrorInsideThe200() throws Exception {
        Proc.Result r = Proc.run(work, awsEnvironment(), List.of(Tools.venvProgram("python").toString(),
                Tools.pythonDir().resolve("boto3_session.py").toString(), "slow_complete", gateway.endpoint().toString(),
                JavaSdkLane.bucketName()));
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.stdout().contains("OK slow_complete"), r.describe());
    }
}
