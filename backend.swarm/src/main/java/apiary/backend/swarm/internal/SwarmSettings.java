package apiary.backend.swarm.internal;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import apiary.core.api.settings.SettingDef;

/** The {@code swarmswarmbackend} settings (SwarmUI's names), read from a backend's resolved settings. */
public final class SwarmSettings {
    /** The schema, in SwarmUI's order. */
    static final List<SettingDef> SCHEMA = List.of(
            SettingDef.text("Address", "http://127.0.0.1:7801", "The network address of the other Swarm (Apiary or SwarmUI) instance, "
                    + "eg 'http://192.168.1.2:7801'."),
            SettingDef.bool("AllowIdle", false, "Whether the backend may go 'idle' when the remote instance is unreachable, "
                    + "instead of erroring. It returns to 'running' when the remote is back."),
            SettingDef.bool("AllowForwarding", true, "Whether the remote's own remote backends (backends it reaches through "
                    + "other Swarm instances) are used too. Off: only the remote's local backends."),
            SettingDef.bool("AllowWebsocket", true, "Whether to generate over the remote's WebSocket route (progress and "
                    + "previews relayed live). Off: plain HTTP, final images only."),
            SettingDef.text("AuthorizationHeader", "", "Value of the 'Authorization' header sent to the remote, if it "
                    + "requires one (its Network.RequiredAuthorization).").asSecret(),
            SettingDef.text("OtherHeaders", "", "Other headers sent to the remote, one 'Name: value' per line (eg a "
                    + "'Cookie: swarm_token=...' login)."),
            SettingDef.integer("ConnectionAttemptTimeoutSeconds", 30, "How long one connection attempt or one ordinary "
                    + "call to the remote may take, in seconds.").withRange(1, 3600));

    private final Map<String, Object> values;

    /** @param values the resolved settings */
    public SwarmSettings(Map<String, Object> values) {
        this.values = values;
    }

    /** @return the address, checked to be an http(s) URL */
    public String address() {
        String a = text("Address").strip();
        if (a.isEmpty()) {
            throw new IllegalArgumentException("No Address is set: give the URL of the other instance, e.g. http://192.168.1.2:7801.");
        }
        URI uri;
        try {
            uri = URI.create(a);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The Address '" + a + "' is not a valid URL.");
        }
        if (uri.getHost() == null || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
            throw new IllegalArgumentException("The Address '" + a + "' must be an http:// or https:// URL with a host.");
        }
        return a.endsWith("/") ? a.substring(0, a.length() - 1) : a;
    }

    /** @return the headers to send: Authorization plus the other headers */
    public Map<String, String> headers() {
        Map<String, String> out = new LinkedHashMap<>();
        String auth = text("AuthorizationHeader").strip();
        if (!auth.isEmpty()) {
            out.put("Authorization", auth);
        }
        for (String line : text("OtherHeaders").split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            String name = colon < 0 ? "" : line.substring(0, colon).strip();
            if (name.isEmpty() || !name.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
                throw new IllegalArgumentException("OtherHeaders: '" + line.strip() + "' is not a 'Name: value' line.");
            }
            out.put(name, line.substring(colon + 1).strip());
        }
        return out;
    }

    /** @return whether the backend goes idle instead of erroring when the remote is unreachable */
    public boolean allowIdle() {
        return flag("AllowIdle");
    }

    /** @return whether the remote's own remote backends are used */
    public boolean allowForwarding() {
        return flag("AllowForwarding");
    }

    /** @return whether generation uses the WebSocket route */
    public boolean allowWebsocket() {
        return flag("AllowWebsocket");
    }

    /** @return the limit of one connection attempt or ordinary call */
    public Duration timeout() {
        Object v = values.get("ConnectionAttemptTimeoutSeconds");
        long s = v instanceof Number ? ((Number) v).longValue() : 30;
        return Duration.ofSeconds(Math.max(1, s));
    }

    private String text(String name) {
        Object v = values.get(name);
        return v == null ? "" : v.toString();
    }

    private boolean flag(String name) {
        Object v = values.get(name);
        return v instanceof Boolean ? (Boolean) v : Boolean.parseBoolean(String.valueOf(v));
    }
}
