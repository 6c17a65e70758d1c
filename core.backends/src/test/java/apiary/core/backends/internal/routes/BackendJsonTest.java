package apiary.core.backends.internal.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import apiary.core.api.backend.BackendDTO;
import apiary.core.api.backend.BackendStatus;
import apiary.core.api.backend.BackendTypeInfo;
import apiary.core.api.settings.SettingDef;

import org.junit.jupiter.api.Test;

/** The BackendAPI JSON shapes and SwarmUI's "time since used" text. */
class BackendJsonTest {
    @Test
    void theNetObjectHasSwarmUIsKeysAndOrder() {
        BackendDTO b = new BackendDTO();
        b.id = 3;
        b.type = "comfyui_api";
        b.status = BackendStatus.RUNNING;
        b.currentModel = "m.safetensors";
        b.lastReleasedMillis = 10_000;
        Map<String, Object> net = BackendJson.backend(b, true, 75_000);
        assertEquals(List.of("type", "status", "id", "settings", "modcount", "features", "enabled", "title", "can_load_models",
                "max_usages", "seconds_since_used", "time_since_used", "current_model"), new ArrayList<>(net.keySet()));
        assertEquals("running", net.get("status"));
        assertEquals(65L, net.get("seconds_since_used"));
        assertEquals("1 minute and 5 seconds ago", net.get("time_since_used"));
        b.lastReleasedMillis = 0;
        Map<String, Object> never = BackendJson.backend(b, false, 75_000);
        assertEquals("Never", never.get("time_since_used"));
        assertEquals(0L, never.get("seconds_since_used"));
        assertEquals(false, never.containsKey("current_model"));
    }

    @Test
    void sinceTextUsesTwoUnits() {
        assertEquals("0 seconds from now", SinceText.ago(0));
        assertEquals("1 second ago", SinceText.ago(1));
        assertEquals("2 hours ago", SinceText.ago(7200));
        assertEquals("1 day and 1 hour ago", SinceText.ago(90_000));
        assertEquals("2 years and 3 days ago", SinceText.ago(2 * 365 * 86_400 + 3 * 86_400 + 50));
    }

    @Test
    @SuppressWarnings("unchecked")
    void typeSettingsCarryLabelsSecretsAndOptions() {
        BackendTypeInfo t = BackendTypeInfo.of("x", "X", "An x.", List.of(
                SettingDef.text("Address", "", "Where."),
                SettingDef.text("Key", "", "Secret.").asSecret(),
                SettingDef.dropdown("Mode", "a", "Mode.", List.of("a", "b")).withValueNames(List.of("Alpha", "Beta")),
                SettingDef.group("Limits", "Nested.", SettingDef.integer("MaxUsages", 1, "How many."))))
                .asStandard();
        Map<String, Object> json = BackendJson.type(t);
        assertEquals(true, json.get("is_standard"));
        List<Map<String, Object>> settings = (List<Map<String, Object>>) json.get("settings");
        assertEquals(Map.of("name", "Address", "type", "text", "description", "Where.", "placeholder", "", "is_secret", false),
                withoutNulls(settings.get(0)));
        assertNull(settings.get(0).get("values"));
        assertEquals(true, settings.get(1).get("is_secret"));
        assertEquals(List.of("a", "b"), settings.get(2).get("values"));
        assertEquals(List.of("Alpha", "Beta"), settings.get(2).get("value_names"));
        assertEquals("group", settings.get(3).get("type"));
        assertEquals("MaxUsages", ((List<Map<String, Object>>) settings.get(3).get("settings")).get(0).get("name"));
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> m) {
        Map<String, Object> out = new java.util.LinkedHashMap<>(m);
        out.values().removeIf(v -> v == null);
        return out;
    }
}
