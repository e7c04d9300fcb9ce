package dev.cairn.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunChecksTest {
    private static Optional<JsonNode> sim(String json) throws Exception {
        return Optional.of(new ObjectMapper().readTree(json));
    }

    @Test
    void aCleanRunHasNoProblems() throws Exception {
        assertEquals(List.of(), RunChecks.problems(sim("{\"requests\":10,\"unexpected\":0,\"statuses\":{\"200\":6,\"206\":4}}"), 0));
    }

    @Test
    void unexpectedStatuses5xxAnd403AreEachNamed() throws Exception {
        assertEquals(List.of("2 responses with an unexpected status", "3 responses 5xx", "1 responses 403"),
                RunChecks.problems(sim("{\"requests\":10,\"unexpected\":2,\"statuses\":{\"200\":6,\"500\":1,\"503\":2,\"403\":1}}"), 0));
    }

    @Test
    void noResultOrNoRequestsOrAFailedLoadGenerator() throws Exception {
        assertEquals(List.of("no result file (Gatling exit code 1)"), RunChecks.problems(Optional.empty(), 1));
        assertEquals(List.of("no requests recorded", "Gatling exit code 2"),
                RunChecks.problems(sim("{\"requests\":0,\"unexpected\":0,\"statuses\":{}}"), 2));
    }
}
