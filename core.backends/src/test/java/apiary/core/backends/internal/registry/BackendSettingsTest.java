package apiary.core.backends.internal.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import apiary.core.api.settings.SettingDef;
import apiary.core.api.settings.SettingsTree;

import org.junit.jupiter.api.Test;

class BackendSettingsTest {
    static final List<SettingDef> SCHEMA = List.of(
            SettingDef.text("Address", "", "Where."),
            SettingDef.integer("OverQueue", 1, "How many."),
            SettingDef.bool("AllowIdle", false, "Idle?"),
            SettingDef.text("ApiKey", "", "Key.").asSecret(),
            SettingDef.group("Advanced", "More.", SettingDef.decimal("Ratio", 0.5, "A ratio.")));

    @Test
    void resolveFillsDefaultsMatchesKeysCaseInsensitivelyAndTypesValues() {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("address", "http://x");
        in.put("OVERQUEUE", "3");
        in.put("unknown", "dropped");
        in.put("advanced", Map.of("ratio", 2));
        Map<String, Object> out = BackendSettings.resolve(SCHEMA, in);
        assertEquals(List.of("Address", "OverQueue", "AllowIdle", "ApiKey", "Advanced"), List.copyOf(out.keySet()));
        assertEquals("http://x", out.get("Address"));
        assertEquals(3L, out.get("OverQueue"));
        assertEquals(false, out.get("AllowIdle"));
        assertEquals(Map.of("Ratio", 2.0), out.get("Advanced"));
    }

    @Test
    void resolveRejectsValuesThatDoNotFit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BackendSettings.resolve(SCHEMA, Map.of("OverQueue", "many")));
        assertTrue(e.getMessage().contains("overqueue"), e.getMessage());
    }

    @Test
    void mergeKeepsUnchangedValuesAndMaskedSecrets() {
        Map<String, Object> stored = BackendSettings.resolve(SCHEMA, Map.of("Address", "a", "ApiKey", "s3cret", "OverQueue", 2));
        Map<String, Object> merged = BackendSettings.merge(SCHEMA, stored,
                Map.of("address", "b", "apikey", SettingsTree.SECRET_MASK));
        assertEquals("b", merged.get("Address"));
        assertEquals(2L, merged.get("OverQueue"));
        assertEquals("s3cret", merged.get("ApiKey"));
        assertEquals("new", BackendSettings.merge(SCHEMA, stored, Map.of("ApiKey", "new")).get("ApiKey"));
    }

    @Test
    void mergeCanRepairAStoredValueThatNoLongerFits() {
        Map<String, Object> broken = Map.of("OverQueue", "many");
        assertThrows(IllegalArgumentException.class, () -> BackendSettings.merge(SCHEMA, broken, Map.of()));
        assertEquals(4L, BackendSettings.merge(SCHEMA, broken, Map.of("OverQueue", 4)).get("OverQueue"));
    }

    @Test
    void maskedHidesSecretsOrEverythingWithoutASchema() {
        Map<String, Object> stored = BackendSettings.resolve(SCHEMA, Map.of("ApiKey", "s3cret", "Address", "a"));
        Map<String, Object> shown = BackendSettings.masked(SCHEMA, stored);
        assertEquals(SettingsTree.SECRET_MASK, shown.get("ApiKey"));
        assertEquals("a", shown.get("Address"));
        Map<String, Object> blind = BackendSettings.masked(null, Map.of("Address", "a", "Group", Map.of("x", 1)));
        assertEquals(SettingsTree.SECRET_MASK, blind.get("Address"));
        assertEquals(Map.of("x", SettingsTree.SECRET_MASK), blind.get("Group"));
    }
}
