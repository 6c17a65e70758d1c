package apiary.core.api.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** SwarmUI's settings node format and value conversion. */
class SettingsTreeTest {
    private final List<SettingDef> tree = List.of(
            SettingDef.group("FileFormat", "Output format.",
                    SettingDef.dropdown("ImageFormat", "PNG", "Format.", List.of("PNG", "JPG")),
                    SettingDef.integer("ImageQuality", 100, "Quality.")),
            SettingDef.list("Roles", List.of("owner"), "Roles.").asRestricted(),
            SettingDef.text("Secret", "x", "Hidden value.").asSecret(),
            SettingDef.bool("IsInstalled", false, "Installed.").asHidden());

    @Test
    @SuppressWarnings("unchecked")
    void rendersNodesWithValuesAndDefaults() {
        Map<String, Object> out = SettingsTree.render(tree, p -> p.equals("fileformat.imagequality") ? 80L : null, false, true);
        assertEquals(List.of("fileformat", "roles", "secret"), List.copyOf(out.keySet()));
        Map<String, Object> group = (Map<String, Object>) out.get("fileformat");
        assertEquals("group", group.get("type"));
        assertFalse(group.containsKey("default_value"));
        Map<String, Object> quality = (Map<String, Object>) ((Map<String, Object>) group.get("value")).get("imagequality");
        assertEquals(80L, quality.get("value"));
        assertEquals(100L, quality.get("default_value"));
        assertEquals("ImageQuality", quality.get("name"));
        Map<String, Object> format = (Map<String, Object>) ((Map<String, Object>) group.get("value")).get("imageformat");
        assertEquals("dropdown", format.get("type"));
        assertEquals(List.of("PNG", "JPG"), format.get("values"));
        assertEquals("owner", ((Map<String, Object>) out.get("roles")).get("value"));
        Map<String, Object> secret = (Map<String, Object>) out.get("secret");
        assertEquals("\t<secret>", secret.get("value"));
        assertFalse(secret.containsKey("default_value"));
        assertTrue((Boolean) secret.get("is_secret"));
        assertFalse(SettingsTree.render(tree, p -> null, false, false).containsKey("roles"));
    }

    @Test
    void findsNodesCaseInsensitively() {
        assertEquals("imageformat", SettingsTree.find(tree, "FileFormat.ImageFormat").orElseThrow().id());
        assertTrue(SettingsTree.find(tree, "fileformat.nope").isEmpty());
        assertEquals(Map.of("fileformat.imageformat", "PNG", "fileformat.imagequality", 100L, "roles", List.of("owner"),
                "secret", "x", "isinstalled", false), SettingsTree.defaults(tree));
    }

    @Test
    void coercesJsonToTheSettingType() {
        SettingDef quality = SettingsTree.find(tree, "fileformat.imagequality").orElseThrow();
        assertEquals(90L, SettingsTree.coerce(quality, 90));
        assertEquals(90L, SettingsTree.coerce(quality, "90"));
        assertEquals(90L, SettingsTree.coerce(quality, 90.0));
        assertThrows(IllegalArgumentException.class, () -> SettingsTree.coerce(quality, 90.5));
        assertThrows(IllegalArgumentException.class, () -> SettingsTree.coerce(quality, List.of(1)));
        SettingDef roles = SettingsTree.find(tree, "roles").orElseThrow();
        assertEquals(List.of("a", "b"), SettingsTree.coerce(roles, "a, b,"));
        assertEquals(List.of("a", "1"), SettingsTree.coerce(roles, List.of("a", 1)));
        SettingDef installed = SettingsTree.find(tree, "isinstalled").orElseThrow();
        assertEquals(true, SettingsTree.coerce(installed, "TRUE"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SettingsTree.coerce(installed, "yes"));
        assertEquals("Invalid value 'yes' for setting 'isinstalled': must be true or false.", e.getMessage());
    }

    @Test
    void numbersOutsideTheirRangeAreRefused() {
        SettingDef size = SettingDef.integer("Size", 200, "Megabytes.").withRange(1, 2047);
        assertEquals(1L, SettingsTree.coerce(size, 1));
        assertEquals(2047L, SettingsTree.coerce(size, "2047"));
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> SettingsTree.coerce(size, 0));
        assertEquals("Invalid value '0' for setting 'size': must be between 1 and 2047.", zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SettingsTree.coerce(size, -5));
        assertThrows(IllegalArgumentException.class, () -> SettingsTree.coerce(size, 2048));
        assertThrows(IllegalArgumentException.class, () -> SettingsTree.coerce(size, "1e999999"));
        SettingDef volume = SettingDef.decimal("Volume", 0.5, "0 to 1.").withRange(0, 1);
        assertEquals(1.0, SettingsTree.coerce(volume, 1));
        assertEquals("Invalid value '1.5' for setting 'volume': must be between 0 and 1.",
                assertThrows(IllegalArgumentException.class, () -> SettingsTree.coerce(volume, 1.5)).getMessage());
        // Ranges travel with the other modifiers.
        assertEquals(1.0, size.asHidden().asSecret().minimum());
        assertThrows(IllegalStateException.class, () -> SettingDef.text("T", "x", "").withRange(0, 1));
        assertThrows(IllegalStateException.class, () -> SettingDef.integer("N", 5, "").withRange(6, 10));
    }
}
