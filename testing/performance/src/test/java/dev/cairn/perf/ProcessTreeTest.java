package dev.cairn.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProcessTreeTest {
    @Test
    void aProcessAndItsChildrenAreMeasuredTogether() throws Exception {
        // a parent with two busy children, like an nginx master and its workers
        Process parent = new ProcessBuilder("sh", "-c", "sh -c 'while :; do :; done' & sh -c 'while :; do :; done' & wait").start();
        try {
            List<Long> members = List.of();
            for (int i = 0; i < 50 && members.size() < 3; i++) {
                Thread.sleep(100);
                members = ProcessTree.members(parent.pid());
            }
            assertEquals(3, members.size(), "the parent and its two children: " + members);
            assertEquals(parent.pid(), members.get(0));
            long before = ProcessTree.cpuTicks(members);
            Thread.sleep(1000);
            long spent = ProcessTree.cpuTicks(members) - before;
            // two busy children on two cores (shared) use well over the parent alone, which sleeps
            assertTrue(ProcessTree.seconds(spent) > 0.2, "CPU of the tree: " + ProcessTree.seconds(spent));
            assertTrue(ProcessTree.statusKiB(members, "VmRSS") > 0);
        } finally {
            parent.descendants().forEach(ProcessHandle::destroyForcibly);
            parent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void statusFieldsAreReadInKiB() {
        String status = "Name:\tjava\nVmPeak:\t 5000 kB\nVmHWM:\t  1234 kB\nVmRSS:\t   999 kB\n";
        assertEquals(1234, ProcessTree.statusValue(status, "VmHWM"));
        assertEquals(999, ProcessTree.statusValue(status, "VmRSS"));
        assertEquals(0, ProcessTree.statusValue(status, "VmSwap"));
    }

    @Test
    void aGoneProcessDropsOutOfTheSums() {
        assertEquals(0, ProcessTree.cpuTicks(List.of(Long.MAX_VALUE)));
        assertEquals(0, ProcessTree.statusKiB(List.of(Long.MAX_VALUE), "VmRSS"));
        assertEquals(List.of(Long.MAX_VALUE), ProcessTree.members(Long.MAX_VALUE));
    }

    @Test
    void reapedChildrenAreChargedToThisProcess() throws Exception {
        long before = ProcessTree.reapedChildrenTicks();
        Process busy = new ProcessBuilder("sh", "-c", "i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done").start();
        busy.waitFor(60, TimeUnit.SECONDS);
        assertTrue(ProcessTree.reapedChildrenTicks() > before, "a waited-for child's CPU shows in cutime + cstime");
    }
}
