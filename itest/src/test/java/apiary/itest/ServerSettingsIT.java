package apiary.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.net.http.HttpRequest;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import apiary.core.api.settings.ServerSettings;
import apiary.core.api.settings.ServerSettingsContributor;
import apiary.core.api.settings.SettingDef;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.ServiceRegistration;

/**
 * The server settings store with a contributor registered at runtime, and the core's own {@code network.*}
 * settings taking effect on live requests.
 */
public class ServerSettingsIT extends ApiaryTestSupport {
    @Inject
    private ServerSettings settings;

    private ServiceRegistration<ServerSettingsContributor> registration;

    @Before
    public void contribute() {
        ServerSettingsContributor contributor = () -> List.of(SettingDef.group("ItestGroup", "Test settings.",
                SettingDef.integer("Count", 3, "A number."),
                SettingDef.bool("Flag", false, "A flag."),
                SettingDef.text("Token", "", "A secret.").asSecret(),
                SettingDef.dropdown("Mode", "a", "A choice.", List.of("a", "b")).withStrictValues()));
        registration = context.registerService(ServerSettingsContributor.class, contributor, new Hashtable<>());
    }

    @After
    public void withdraw() {
        registration.unregister();
    }

    @Test
    public void defaultsChangesAndAllOrNothing() {
        assertEquals(3L, settings.get("itestgroup.count"));
        assertEquals(3L, settings.get("ItestGroup.Count"));
        settings.change(Map.of("itestgroup.count", "7", "itestgroup.flag", true));
        assertEquals(7L, settings.get("itestgroup.count"));
        assertTrue(settings.getBoolean("itestgroup.flag"));

        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("itestgroup.count", 9);
        bad.put("itestgroup.mode", "zzz");
        try {
            settings.change(bad);
            fail("an invalid value must be refused");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("itestgroup.mode") || e.getMessage().contains("mode"));
        }
        assertEquals("nothing half-applied", 7L, settings.get("itestgroup.count"));

        assertEquals(List.of(), settings.change(Map.of("no.such.setting", 1)));
        settings.change(Map.of("itestgroup.token", "s3cret"));
        settings.change(Map.of("itestgroup.token", "\t<secret>"));
        assertEquals("a masked secret sent back keeps its value", "s3cret", settings.get("itestgroup.token"));
        settings.change(Map.of("itestgroup.count", 3, "itestgroup.flag", false, "itestgroup.token", ""));
    }

    @Test
    public void valuesComeBackWhenTheContributorReturns() {
        settings.change(Map.of("itestgroup.count", 42));
        registration.unregister();
        try {
            settings.get("itestgroup.count");
            fail("settings of a departed contributor are not defined");
        } catch (IllegalArgumentException expected) {
            // The definition left with the contributor; the stored value stays.
        }
        contribute();
        assertEquals(42L, settings.get("itestgroup.count"));
        settings.change(Map.of("itestgroup.count", 3));
    }

    @Test
    public void networkSettingsApplyToRequests() {
        Api api = api();
        try {
            settings.change(Map.of("network.accesscontrolalloworigin", "https://example.test"));
            Api.Reply r = api.post("GetNewSession", Map.of());
            assertEquals("https://example.test", r.raw.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
            Api.Reply preflight = api.send(HttpRequest.newBuilder(api.uri("/API/GetNewSession"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(204, preflight.status);
            assertEquals("3600", preflight.raw.headers().firstValue("Access-Control-Max-Age").orElse(""));

            settings.change(Map.of("network.requiredauthorization", "Bearer letmein", "network.authbypassips", ""));
            Api.Reply refused = api.post("GetNewSession", Map.of());
            assertEquals(401, refused.status);
            assertEquals("Unauthorized", refused.text);
            Api.Reply allowed = api.send(HttpRequest.newBuilder(api.uri("/API/GetNewSession"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer letmein")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
            assertEquals(200, allowed.status);
            settings.change(Map.of("network.authbypassips", "127.0.0.1"));
            assertEquals("loopback bypasses the gate", 200, api.post("GetNewSession", Map.of()).status);

            settings.change(Map.of("network.maxnetworkrequestmegabytes", 1));
            assertEquals("bad content length", api.post("GetNewSession", Map.of("pad", "p".repeat(1 << 20))).get("error"));
            assertEquals(200, api.post("GetNewSession", Map.of()).status);
        } finally {
            settings.change(Map.of("network.accesscontrolalloworigin", "", "network.requiredauthorization", "",
                    "network.authbypassips", "127.0.0.1,::1,::ffff:127.0.0.1", "network.maxnetworkrequestmegabytes", 200));
        }
        assertFalse(api.post("GetNewSession", Map.of()).raw.headers().firstValue("Access-Control-Allow-Origin").isPresent());
    }
}
