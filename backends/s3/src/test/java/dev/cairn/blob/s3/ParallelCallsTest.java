package dev.cairn.blob.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelCallsTest {

    @Test
    void resultsComeInItemOrderAndNullsAreKept() {
        try (ParallelCalls p = new ParallelCalls()) {
            List<Integer> items = IntStream.range(0, 100).boxed().toList();
            List<Integer> out = p.map(items, i -> {
                sleep(i % 7); // finish out of order
                return i * 2;
            });
            assertEquals(items.stream().map(i -> i * 2).toList(), out);
            assertEquals(Arrays.asList(1, null), p.map(List.of(1, 2), i -> i == 1 ? 1 : null));
        }
    }

    @Test
    void callsRunSideBySideUpToTheWidth() throws InterruptedException {
        try (ParallelCalls p = new ParallelCalls()) {
            CountDownLatch all = new CountDownLatch(ParallelCalls.WIDTH);
            // every call waits until WIDTH of them are running at once: sequential calls would time out
            List<Boolean> met = p.map(IntStream.range(0, ParallelCalls.WIDTH).boxed().toList(), i -> {
                all.countDown();
                try {
                    return all.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    return false;
                }
            });
            assertTrue(met.stream().allMatch(Boolean::booleanValue), met.toString());
        }
    }

    @Test
    void theFirstFailureInItemOrderIsThrown() {
        try (ParallelCalls p = new ParallelCalls()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> p.map(List.of(1, 2, 3, 4), i -> {
                if (i >= 2) {
                    throw new IllegalStateException("item " + i);
                }
                return i;
            }));
            assertEquals("item 2", e.getMessage());
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
