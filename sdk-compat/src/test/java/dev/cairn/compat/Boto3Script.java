package dev.cairn.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/**
 * Runs one group of a boto3 script from {@code src/test/python} against a lane's gateway: the
 * script checks its own results, exits non-zero on the first failed check and prints
 * {@code OK group} when all passed.
 */
final class Boto3Script {
    private Boto3Script() {
    }

    static void runGroup(ProgramLane lane, String script, String group) throws Exception {
        Proc.Result r = Proc.run(lane.work, lane.awsEnvironment(), List.of(Tools.venvProgram("python").toString(),
                Tools.pythonDir().resolve(script).toString(), group, lane.gateway.endpoint().toString(), ProgramLane.bucketName()));
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.stdout().contains("OK " + group), r.describe());
    }
}
