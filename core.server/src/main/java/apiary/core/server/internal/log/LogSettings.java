package apiary.core.server.internal.log;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import apiary.core.api.settings.ServerSettings;
import apiary.core.api.settings.SettingDef;
import apiary.core.api.settings.SettingsTree;

/** The {@code logs.*} server settings (SwarmUI's ids and defaults) and how to read them into a {@link LogConfig}. */
final class LogSettings {
    static final String LOG_LEVEL = "logs.loglevel";
    static final String SAVE_TO_FILE = "logs.savelogtofile";
    static final String PATH = "logs.logspath";
    static final String REPEAT_MINUTES = "logs.repeattimestampafterminutes";

    /**
     * SwarmUI keeps no log file unless asked; Apiary writes one by default, because a server's history should not
     * be lost with its console.
     */
    static final boolean DEFAULT_SAVE_TO_FILE = true;
    static final String DEFAULT_PATH = "Logs/[year]-[month]/[day]-[hour]-[minute].log";
    static final int DEFAULT_REPEAT_MINUTES = 10;

    private LogSettings() {
    }

    static List<SettingDef> definitions() {
        return List.of(SettingDef.group("Logs", "Settings related to the server log.",
                SettingDef.dropdown("LogLevel", "Info",
                        "The lowest level of message printed to the console and the log file. Every message is kept "
                                + "in the server's log view whatever this says.",
                        List.of("Verbose", "Debug", "Info", "Init", "Warning", "Error", LogLevels.NONE)).withStrictValues(),
                SettingDef.bool("SaveLogToFile", DEFAULT_SAVE_TO_FILE,
                        "Whether to also write the log to a file in the data folder (see LogsPath)."),
                SettingDef.text("LogsPath", DEFAULT_PATH,
                        "Where the log file is written, relative to the data folder. Tags: [year], [month], "
                                + "[month_name], [day], [day_name], [hour], [minute], [second], [pid]. A new file "
                                + "is started when one grows large."),
                SettingDef.decimal("RepeatTimestampAfterMinutes", DEFAULT_REPEAT_MINUTES,
                        "After this many minutes without a message, the next one is preceded by a line with the full "
                                + "date.").withRange(0, 525_600)));
    }

    /**
     * @param settings the settings service
     * @return the configured output, read by this class's own definitions (so right even before the store has
     *         bound the pipeline's contribution); defaults for anything unreadable
     */
    static LogConfig read(ServerSettings settings) {
        LogConfig d = LogConfig.DEFAULTS;
        try {
            String level = String.valueOf(own(settings, LOG_LEVEL));
            Optional<apiary.core.api.log.LogLevel> minimum = LogLevels.parse(level);
            if (minimum.isEmpty() && !LogLevels.NONE.equalsIgnoreCase(level)) {
                minimum = d.minimum();
            }
            double minutes = ((Number) own(settings, REPEAT_MINUTES)).doubleValue();
            Duration bannerAfter = minutes > 0 && minutes < 1e6 ? Duration.ofMillis((long) (minutes * 60_000)) : d.bannerAfter();
            return new LogConfig(minimum, Boolean.TRUE.equals(own(settings, SAVE_TO_FILE)),
                    String.valueOf(own(settings, PATH)), bannerAfter);
        } catch (IllegalArgumentException | ClassCastException e) {
            return d;
        }
    }

    private static Object own(ServerSettings settings, String path) {
        return settings.get(path, SettingsTree.find(definitions(), path).orElseThrow());
    }
}
