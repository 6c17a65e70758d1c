package apiary.core.server.internal.log;

import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Expands SwarmUI's log path template ({@code logs.logspath}, e.g.
 * {@code Logs/[year]-[month]/[day]-[hour]-[minute].log}) with the tags year, month, month_name, day, day_name,
 * hour, minute, second and pid.
 */
final class LogPathTemplate {
    private LogPathTemplate() {
    }

    static String expand(String template, ZonedDateTime time, long pid) {
        return template
                .replace("[year]", String.format(Locale.ROOT, "%04d", time.getYear()))
                .replace("[month_name]", time.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH))
                .replace("[month]", two(time.getMonthValue()))
                .replace("[day_name]", time.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH))
                .replace("[day]", two(time.getDayOfMonth()))
                .replace("[hour]", two(time.getHour()))
                .replace("[minute]", two(time.getMinute()))
                .replace("[second]", two(time.getSecond()))
                .replace("[pid]", String.valueOf(pid));
    }

    private static String two(int v) {
        return String.format(Locale.ROOT, "%02d", v);
    }
}
