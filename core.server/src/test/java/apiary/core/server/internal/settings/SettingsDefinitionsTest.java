package apiary.core.server.internal.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import apiary.core.api.settings.SettingDef;

import org.junit.jupiter.api.Test;

/** Merging contributors: groups of one id combine, a leaf defined twice keeps the first definition. */
class SettingsDefinitionsTest {
    @Test
    void groupsMergeAndDuplicatesKeepTheFirst() {
        List<String> dups = new ArrayList<>();
        List<SettingDef> merged = SettingsDefinitions.merge(List.of(
                List.of(SettingDef.group("Paths", "First.", SettingDef.text("ModelRoot", "Models", ""))),
                List.of(SettingDef.group("paths", "Second.", SettingDef.text("OutputPath", "Output", ""),
                        SettingDef.text("ModelRoot", "Other", ""))),
                List.of(SettingDef.bool("AddDebugData", false, ""))), dups::add);
        assertEquals(List.of("paths.modelroot"), dups);
        assertEquals(2, merged.size());
        SettingDef paths = merged.get(0);
        assertEquals("Paths", paths.name());
        assertEquals("First.", paths.description());
        assertEquals(List.of("modelroot", "outputpath"), paths.children().stream().map(SettingDef::id).toList());
        assertEquals("Models", paths.children().get(0).defaultValue());
    }
}
