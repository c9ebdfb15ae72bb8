package org.hotcog.launcher;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

import javax.management.JMException;
import javax.management.ObjectName;

import com.sun.management.HotSpotDiagnosticMXBean;

/**
 * Gives back the memory that start-up used and no longer needs. Starting some sixty bundles
 * leaves the Java heap sized for start-up's burst of allocation (about 100 MB committed for 25 MB
 * that stay live) and the C library's allocator holding what the JIT compilers freed; neither is
 * returned by itself while the bot idles.
 *
 * <p>Once start-up is over, which here means no class has been loaded for {@link #QUIET_SECONDS}
 * (the Discord handshake, the command registration and the first requests all load classes), one
 * full collection runs with a tight free ratio, so that G1 uncommits the heap it does not need,
 * and the native heap is trimmed. The free ratios are then set back: from there on the JVM sizes
 * the heap by its usual rules, growing it again when the bot gets busy. It costs one collection
 * of the live start-up data (about 40 ms of pause on 2 cores), once.
 */
final class StartupMemory {
    static final int QUIET_SECONDS = 2;
    /** Start-up never takes this long; if classes still load by then, the release happens anyway. */
    private static final int MAX_WAIT_SECONDS = 60;
    /** Free share of the heap the shrinking collection leaves: 20 %, about 6 MB on 25 MB live. */
    private static final String TIGHT_MAX_FREE_RATIO = "20";
    private static final String TIGHT_MIN_FREE_RATIO = "10";

    private StartupMemory() {
    }

    /** Starts a daemon thread that waits for start-up to end, then releases its memory once. */
    static void releaseWhenStarted() {
        Thread thread = new Thread(() -> {
            try {
                awaitQuiet();
                release();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "hotcog-startup-memory");
        thread.setDaemon(true);
        thread.start();
    }

    private static void awaitQuiet() throws InterruptedException {
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MAX_WAIT_SECONDS);
        long loaded = classes.getTotalLoadedClassCount();
        while (System.nanoTime() < deadline) {
            TimeUnit.SECONDS.sleep(QUIET_SECONDS);
            long now = classes.getTotalLoadedClassCount();
            if (now == loaded) {
                return;
            }
            loaded = now;
        }
    }

    static void release() {
        shrinkHeap();
        trimNativeHeap();
    }

    /**
     * A full collection resizes the heap to what {@code MaxHeapFreeRatio} allows above the live
     * data. Both ratios are manageable flags, so they can be tightened for this one collection
     * and put back afterwards, whether they are the defaults or an operator's settings.
     */
    private static void shrinkHeap() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        String minFree = vm.getVMOption("MinHeapFreeRatio").getValue();
        String maxFree = vm.getVMOption("MaxHeapFreeRatio").getValue();
        if (Integer.parseInt(maxFree) <= Integer.parseInt(TIGHT_MAX_FREE_RATIO)) {
            System.gc();
            return;
        }
        // The JVM checks min <= max at every change, hence the order.
        vm.setVMOption("MinHeapFreeRatio", TIGHT_MIN_FREE_RATIO);
        vm.setVMOption("MaxHeapFreeRatio", TIGHT_MAX_FREE_RATIO);
        try {
            System.gc();
        } finally {
            vm.setVMOption("MaxHeapFreeRatio", maxFree);
            vm.setVMOption("MinHeapFreeRatio", minFree);
        }
    }

    /**
     * glibc keeps freed memory for later allocations instead of returning it to the system; the
     * JVM's diagnostic command {@code System.trim_native_heap} (JDK 17.0.9 and later) has it
     * returned. Where the command does not exist, nothing is trimmed.
     */
    private static void trimNativeHeap() {
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "systemTrimNativeHeap",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
        } catch (JMException e) {
            // An older JDK or another C library: the memory stays with the allocator.
        }
    }
}
