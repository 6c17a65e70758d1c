package apiary.core.t2i.internal.output;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/** SwarmUI's {@code [request_time_inc]}: 1, 2, ... within one minute, back to 1 at the next minute or after 999. */
final class MinuteCounter {
    private LocalDateTime minute;
    private int count;

    synchronized int next(LocalDateTime now) {
        LocalDateTime m = now.truncatedTo(ChronoUnit.MINUTES);
        if (!m.equals(minute) || count >= 999) {
            minute = m;
            count = 0;
        }
        return ++count;
    }
}
