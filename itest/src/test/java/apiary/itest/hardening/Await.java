package apiary.itest.hardening;

import java.util.function.BooleanSupplier;

/** Waits for a condition (never for a fixed time), failing with a description when it does not come true. */
final class Await {
    private Await() {
    }

    static void until(String what, int seconds, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + seconds + " s waiting until " + what);
            }
            Thread.sleep(10);
        }
    }
}
