package apiary.core.admin.internal.logs;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import apiary.core.admin.internal.AdminArea;
import apiary.core.admin.internal.Replies;
import apiary.core.admin.internal.Bodies;
import apiary.core.api.log.LogLevel;
import apiary.core.api.log.LogMessage;
import apiary.core.api.log.LogType;
import apiary.core.api.log.ServerLog;
import apiary.core.api.permission.CorePermissions;
import apiary.core.api.route.ApiError;
import apiary.core.api.route.Param;
import apiary.core.api.route.Route;
import apiary.core.api.route.RouteArea;
import apiary.core.api.route.RouteProvider;
import apiary.core.api.settings.ServerSettings;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The server log routes: the log types, recent messages by type, and submitting the log to a paste service. */
@Component(service = RouteProvider.class)
@RouteArea(value = AdminArea.NAME, description = AdminArea.DESCRIPTION)
public final class LogRoutes implements RouteProvider {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final int MIN_PASTE_CHARS = 200;

    private final ServerLog log;
    private final ServerSettings settings;
    private final PastebinClient pastebin = new PastebinClient();

    /**
     * @param log the server log
     * @param settings the server settings (the paste service URL)
     */
    @Activate
    public LogRoutes(@Reference ServerLog log, @Reference ServerSettings settings) {
        this.log = log;
        this.settings = settings;
    }

    /** @return the log types */
    @Route(permission = CorePermissions.VIEW_LOGS, description = "Returns a list of the available log types.",
            returns = "    \"types_available\": [\n        {\n            \"name\": \"namehere\",\n            \"color\": \"#RRGGBB\",\n"
                    + "            \"identifier\": \"identifierhere\"\n        }\n    ]")
    public Map<String, Object> ListLogTypes() {
        return Replies.of("types_available", typeList());
    }

    /**
     * @param raw the body: {@code types} (names, case-sensitive) and optionally {@code last_sequence_ids}
     * @return the types, the newest sequence id and the new messages of each requested type
     */
    @Route(permission = CorePermissions.VIEW_LOGS, description = "Returns a list of recent server log messages.",
            returns = "  \"last_sequence_id\": 123,\n  \"data\": {\n        \"info\": [\n            {\n                \"sequence_id\": 123,\n"
                    + "                \"timestamp\": \"yyyy-MM-dd HH:mm:ss.fff\",\n                \"message\": \"messagehere\"\n"
                    + "            }, ...\n        ]\n    }")
    public Map<String, Object> ListRecentLogMessages(@Param(description = "Use eg `\"types\": [\"info\"]` to specify what log types to include.\n"
            + "Optionally input `\"last_sequence_ids\": { \"info\": 123 }` to set the start point.") Map<String, Object> raw) {
        List<?> types = Bodies.list(raw, "types");
        Map<String, Object> lastSeen = raw.get("last_sequence_ids") == null ? Map.of() : Bodies.object(raw, "last_sequence_ids");
        List<Map<String, Object>> available = typeList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("types_available", available);
        out.put("last_sequence_id", log.lastSequenceId());
        Map<String, Object> data = new LinkedHashMap<>();
        ZoneId zone = ZoneId.systemDefault();
        for (Object t : types) {
            String type = String.valueOf(t);
            if (data.containsKey(type) || available.stream().noneMatch(a -> a.get("name").equals(type))) {
                continue;
            }
            List<Map<String, Object>> messages = new ArrayList<>();
            for (LogMessage m : log.messages(type, lastSeen(lastSeen, type))) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("sequence_id", m.sequenceId);
                entry.put("time", TIME.format(m.time.atZone(zone)));
                entry.put("message", m.message);
                messages.add(entry);
            }
            data.put(type, messages);
        }
        out.put("data", data);
        return out;
    }

    /**
     * @param type the lowest level to include
     * @return the paste's URL
     */
    @Route(permission = CorePermissions.VIEW_LOGS, userUpdate = true,
            description = "Submits current server log info to a pastebin service automatically.",
            returns = "  \"url\": \"a url to the paste here\"")
    public Map<String, Object> LogSubmitToPastebin(@Param(description = "The minimum log level (verbose, debug, info) to include.") String type) {
        LogLevel minimum = null;
        for (LogLevel level : LogLevel.values()) {
            if (level.displayName().toLowerCase(Locale.ROOT).equals(type.trim().toLowerCase(Locale.ROOT))) {
                minimum = level;
            }
        }
        if (minimum == null) {
            throw new ApiError("Invalid log level type specified.");
        }
        String text = LogText.gather(log, minimum, ZoneId.systemDefault());
        if (text.length() < MIN_PASTE_CHARS) {
            throw new ApiError("There is not enough log data at that level to submit.");
        }
        String url = pastebin.submit(settings.getString(LogSubmitSettings.PASTEBIN_URL), "Apiary Server Logs", text);
        return Replies.of("url", url);
    }

    private List<Map<String, Object>> typeList() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (LogType t : log.types()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", t.name);
            entry.put("color", t.color);
            entry.put("identifier", t.identifier);
            out.add(entry);
        }
        return out;
    }

    private static long lastSeen(Map<String, Object> lastSeen, String type) {
        Object v = lastSeen.get(type);
        if (v == null) {
            return -1;
        }
        if (v instanceof Number && !(v instanceof Double || v instanceof Float)) {
            return ((Number) v).longValue();
        }
        try {
            return Long.parseLong(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw new ApiError("Invalid value '" + v + "' in last_sequence_ids for '" + type + "': must be a whole number.");
        }
    }
}
