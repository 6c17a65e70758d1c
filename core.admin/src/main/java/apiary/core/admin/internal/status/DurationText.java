package apiary.core.admin.internal.status;

import java.time.Duration;

/** Durations as people read them, at most two units: {@code 5 minutes and 3 seconds}, {@code 2 days}, {@code 0 seconds}. */
final class DurationText {
    private static final long[] SECONDS = {86_400, 3_600, 60, 1};
    private static final String[] UNITS = {"day", "hour", "minute", "second"};

    private DurationText() {
    }

    static String of(Duration d) {
        long left = Math.max(0, d.getSeconds());
        for (int i = 0; i < SECONDS.length; i++) {
            long amount = left / SECONDS[i];
            if (amount > 0 || i == SECONDS.length - 1) {
                String text = unit(amount, UNITS[i]);
                if (i + 1 < SECONDS.length) {
                    long next = (left % SECONDS[i]) / SECONDS[i + 1];
                    if (next > 0) {
                        text += " and " + unit(next, UNITS[i + 1]);
                    }
                }
                return text;
            }
        }
        return "0 seconds";
    }

    private static String unit(long amount, String unit) {
        return amount + " " + unit + (amount == 1 ? "" : "s");
    }
}
