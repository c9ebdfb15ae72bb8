package org.hotcog.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.ref.Reference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.management.HotSpotDiagnosticMXBean;

class StartupMemoryTest {
    private final HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    private String minFree;
    private String maxFree;

    @BeforeEach
    void remember() {
        minFree = vm.getVMOption("MinHeapFreeRatio").getValue();
        maxFree = vm.getVMOption("MaxHeapFreeRatio").getValue();
    }

    @AfterEach
    void putBack() {
        vm.setVMOption("MaxHeapFreeRatio", maxFree);
        vm.setVMOption("MinHeapFreeRatio", minFree);
    }

    @Test
    void releaseLeavesAnOperatorsFreeRatiosAsTheyWere() {
        vm.setVMOption("MinHeapFreeRatio", "30");
        vm.setVMOption("MaxHeapFreeRatio", "60");

        StartupMemory.release();

        assertThat(vm.getVMOption("MinHeapFreeRatio").getValue()).isEqualTo("30");
        assertThat(vm.getVMOption("MaxHeapFreeRatio").getValue()).isEqualTo("60");
    }

    @Test
    void releaseShrinksTheHeapToLittleAboveWhatIsLive() {
        // The JVM's default collector on a machine like the ones Hotcog runs on (2 cores or more).
        assumeThat(ManagementFactory.getGarbageCollectorMXBeans())
                .anyMatch(collector -> collector.getName().startsWith("G1"));
        // Like start-up: some data that stays, and much garbage that grows the heap.
        byte[][] live = new byte[256][];
        for (int i = 0; i < live.length; i++) {
            live[i] = new byte[256 * 1024];
        }
        for (int i = 0; i < 2000; i++) {
            byte[] garbage = new byte[256 * 1024];
            garbage[i % garbage.length] = 1;
        }

        StartupMemory.release();

        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long region = Long.parseLong(vm.getVMOption("G1HeapRegionSize").getValue());
        long workers = Long.parseLong(vm.getVMOption("ParallelGCThreads").getValue());
        // Release asks for at most 20 % free; the JVM's default would leave up to 70 %. G1 sizes the
        // heap from its own estimates, so allow up to 40 %: still far from the default, not flaky.
        // Counted in whole regions: each collector thread may leave one region partly filled, and
        // one more for rounding.
        long usedRegions = heap.getUsed() + (workers + 1) * region;
        assertThat(heap.getCommitted()).isLessThanOrEqualTo((long) (usedRegions / 0.6) + region);
        Reference.reachabilityFence(live);
    }
}
