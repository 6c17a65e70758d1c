package apiary.itest.admin;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import apiary.itest.Api;

import org.junit.After;
import org.junit.Test;

/** ListServerSettings and ChangeServerSettings through HTTP, with the sections of every bundle in one tree. */
public class AdminSettingsIT extends AdminTestSupport {
    @After
    public void restore() {
        settings.change(Map.of("maintenance.userdbbackups", 3, "ui.extrawelcomeinfo", "", "network.requiredauthorization", "",
                "performance.imagedatavalidationchance", 0.05, "logs.loglevel", "Info", "launchmode", "webinstall"));
    }

    @Test
    public void listShowsEverySectionInSwarmOrderInTheNodeFormat() {
        Map<String, Object> tree = list();
        List<String> keys = new ArrayList<>(tree.keySet());
        for (String id : List.of("metadata", "network", "maintenance", "nvidiaqueryratelimitms", "launchmode", "adddebugdata",
                "showexperimentalfeatures", "logs", "ui", "webhooks", "performance")) {
            assertTrue(id + " in " + keys, keys.contains(id));
        }
        assertTrue(keys.indexOf("metadata") < keys.indexOf("network"));
        assertTrue(keys.indexOf("network") < keys.indexOf("maintenance"));
        assertTrue(keys.indexOf("maintenance") < keys.indexOf("launchmode"));
        assertTrue(keys.indexOf("logs") < keys.indexOf("ui"));
        assertTrue(keys.indexOf("webhooks") < keys.indexOf("performance"));
        assertFalse("hidden settings are not listed", keys.contains("disabledextensions"));

        Map<?, ?> launch = (Map<?, ?>) tree.get("launchmode");
        assertEquals("dropdown", launch.get("type"));
        assertEquals("LaunchMode", launch.get("name"));
        assertEquals("webinstall", launch.get("value"));
        assertEquals(List.of("none", "web", "webinstall", "electron"), launch.get("values"));
        assertEquals(false, launch.get("is_secret"));
        assertEquals("webinstall", launch.get("default_value"));

        Map<?, ?> logs = (Map<?, ?>) tree.get("logs");
        assertEquals("group", logs.get("type"));
        assertFalse(logs.containsKey("default_value"));
        Map<?, ?> logChildren = (Map<?, ?>) logs.get("value");
        assertEquals(List.of("loglevel", "savelogtofile", "logspath", "repeattimestampafterminutes", "pastebinurl"),
                new ArrayList<>(logChildren.keySet()));
        Map<?, ?> chance = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) tree.get("performance")).get("value")).get("imagedatavalidationchance");
        assertEquals("decimal", chance.get("type"));
        assertEquals(0.05, ((Number) chance.get("value")).doubleValue(), 1e-9);
    }

    @Test
    public void changesApplyAllOrNothingWithClearErrors() {
        assertEquals(Map.of("success", true), change(Map.of("maintenance.userdbbackups", "7", "UI.ExtraWelcomeInfo", "hello")).json);
        assertEquals(7L, settings.get("maintenance.userdbbackups"));
        assertEquals("hello", value("ui", "extrawelcomeinfo"));

        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("maintenance.userdbbackups", 9);
        bad.put("launchmode", "sideways");
        Api.Reply refused = change(bad);
        assertEquals(200, refused.status);
        assertTrue(refused.toString(), ((String) refused.get("error")).contains("launchmode"));
        assertEquals("nothing half-applied", 7L, settings.get("maintenance.userdbbackups"));
        assertTrue(((String) change(Map.of("performance.imagedatavalidationchance", "lots")).get("error")).contains("must be a number"));

        assertEquals("unknown ids are skipped", Map.of("success", true), change(Map.of("no.such.thing", 1)).json);
        assertEquals("hidden ids are skipped", Map.of("success", true), change(Map.of("disabledextensions", List.of("x"))).json);
        assertEquals(List.of(), settings.get("disabledextensions"));
        assertEquals("Missing or invalid 'settings': must be a JSON object.", api.call(session, "ChangeServerSettings", Map.of()).get("error"));
        assertEquals("Missing or invalid 'settings': must be a JSON object.",
                api.call(session, "ChangeServerSettings", Map.of("settings", "x")).get("error"));
    }

    @Test
    public void secretsAreMaskedAndKeptWhenSentBackMasked() {
        change(Map.of("network.requiredauthorization", "Bearer s3cret", "network.authbypassips", "127.0.0.1,::1,::ffff:127.0.0.1"));
        Map<?, ?> node = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) list().get("network")).get("value")).get("requiredauthorization");
        assertEquals("\t<secret>", node.get("value"));
        assertEquals(true, node.get("is_secret"));
        assertNull(node.get("default_value"));
        assertFalse("the secret never appears", api.call(session, "ListServerSettings", Map.of()).text.contains("s3cret"));
        change(Map.of("network.requiredauthorization", "\t<secret>"));
        assertEquals("Bearer s3cret", settings.get("network.requiredauthorization"));
    }

    private Map<String, Object> list() {
        Api.Reply r = api.call(session, "ListServerSettings", Map.of());
        assertEquals(r.toString(), 200, r.status);
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = (Map<String, Object>) r.get("settings");
        return tree;
    }

    private Object value(String group, String id) {
        return ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) list().get(group)).get("value")).get(id)).get("value");
    }

    private Api.Reply change(Map<String, Object> changes) {
        return api.call(session, "ChangeServerSettings", Map.of("settings", changes));
    }
}
