package apiary.core.backends.internal.routes;

/**
 * SwarmUI's {@code time_since_used} text: a past span as people read it, two units at most, with "ago"
 * ({@code 12 seconds ago}, {@code 5 minutes and 3 seconds ago}, {@code 2 days and 1 hour ago}); a span of zero is
 * {@code 0 seconds from now}, as SwarmUI's formatter has it.
 */
final class SinceText {
    private static final long[] SECONDS = {365L * 86_400, 86_400, 3_600, 60, 1};
    private static final String[] UNITS = {"year", "day", "hour", "minute", "second"};

    private SinceText() {
    }

    /** @param seconds how long ago, at least 0 @return the text */
    static String ago(long seconds) {
        if (seconds <= 0) {
            return "0 seconds from now";
        }
        int i = 0;
        while (seconds < SECONDS[i]) {
            i++;
        }
        long large = seconds / SECONDS[i];
        String text = unit(large, UNITS[i]);
        if (i + 1 < SECONDS.length) {
            long small = (seconds % SECONDS[i]) / SECONDS[i + 1];
            if (small > 0) {
                text += " and " + unit(small, UNITS[i + 1]);
            }
        }
        return text + " ago";
    }

    private static String unit(long amount, String unit) {
        return amount + " " + unit + (amount == 1 ? "" : "s");
    }
}
