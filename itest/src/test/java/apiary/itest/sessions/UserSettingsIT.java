package apiary.itest.sessions;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;

/** GetUserSettings / ChangeUserSettings: SwarmUI's user settings tree, every id, type and default, and changes. */
public class UserSettingsIT extends SessionsTestSupport {
    /** id -> "type default" for every user setting of SwarmUI (behaviour spec §2.4), roles excluded (restricted). */
    private static final String[] EXPECTED = {
        "outpathbuilder.format", "text raw/[year]-[month]-[day]/[hour][minute][request_time_inc]-[prompt]-[model]",
        "outpathbuilder.maxlenperpart", "integer 40", "outpathbuilder.modelpathsskipfolders", "boolean false",
        "fileformat.imageformat", "dropdown PNG", "fileformat.imagequality", "integer 100", "fileformat.savemetadata", "boolean true",
        "fileformat.stealthmetadata", "dropdown false", "fileformat.dpi", "integer 0", "fileformat.savetextfilemetadata", "boolean false",
        "fileformat.reformattransientimages", "boolean false",
        "ui.tagmovehotkeyenabled", "boolean false", "ui.checkifsurebeforedelete", "boolean true", "ui.presetlistdetailsfields", "text ",
        "ui.copytriggerphrasewithtrailingcomma", "boolean false", "ui.removeinterruptedgens", "boolean false",
        "ui.hideerrormessages", "text ", "ui.deleteimagebehavior", "dropdown next", "ui.imageshiftingcycles", "dropdown true",
        "ui.defaulthidemetadatainfullview", "boolean false", "paramparsing.allowlorastacking", "boolean true",
        "savefiles", "boolean true", "starnofolders", "boolean false", "theme", "dropdown modern_dark",
        "centerimagealwaysgrow", "boolean false", "autoswapimagesincludesfullview", "boolean false", "buttonsundermainimages", "text ",
        "imagemetadataformat", "dropdown auto", "resetbatchsizetoone", "boolean false", "hintformat", "dropdown BUTTON",
        "hoverdelayseconds", "decimal 0.5", "maxpromptlines", "integer 10",
        "vaes.defaultsdxlvae", "dropdown None", "vaes.defaultsdv1vae", "dropdown None", "vaes.defaultsvdvae", "dropdown None",
        "vaes.defaultfluxvae", "dropdown None", "vaes.defaultflux2vae", "dropdown None", "vaes.defaultsd3vae", "dropdown None",
        "vaes.defaultmochivae", "dropdown None", "vaes.defaultqwenvae", "dropdown None",
        "maximagesinminigrid", "integer 1", "maximagesinhistory", "integer 1000", "maximagesscannedinhistory", "integer 10000",
        "imagehistoryusepreviews", "boolean true", "maxsimulpreviews", "integer 1", "enterkeygenerates", "boolean true",
        "generateforeverdelay", "decimal 0.1", "generateforeverqueuesize", "integer 1", "parametermemorydurationhours", "decimal 6.0",
        "language", "dropdown en", "reuseparamexcludelist", "text wildcardseed",
        "audio.completionsound", "dropdown ", "audio.volume", "decimal 0.5", "audio.videoaudiobehavior", "dropdown last",
        "autocomplete.source", "dropdown ", "autocomplete.escapeparens", "boolean true", "autocomplete.suffix", "text ",
        "autocomplete.matchmode", "dropdown Bucketed", "autocomplete.sortmode", "dropdown Active", "autocomplete.spacingmode", "dropdown None",
    };

    private Map<String, Map<?, ?>> leaves(Map<?, ?> tree, String prefix) {
        Map<String, Map<?, ?>> out = new LinkedHashMap<>();
        tree.forEach((k, v) -> {
            Map<?, ?> node = (Map<?, ?>) v;
            if ("group".equals(node.get("type"))) {
                out.putAll(leaves((Map<?, ?>) node.get("value"), prefix + k + "."));
            } else {
                out.put(prefix + k, node);
            }
        });
        return out;
    }

    private Map<String, Map<?, ?>> settingsOf(String session) {
        return leaves((Map<?, ?>) ok(session, "GetUserSettings", Map.of()).get("settings"), "");
    }

    @Test
    public void treeHasEveryIdWithTypeAndDefaultButNotRoles() {
        Map<String, Map<?, ?>> leaves = settingsOf(localSession());
        Map<String, String> actual = new LinkedHashMap<>();
        leaves.forEach((k, v) -> actual.put(k, v.get("type") + " " + v.get("default_value")));
        Map<String, String> expected = new LinkedHashMap<>();
        for (int i = 0; i < EXPECTED.length; i += 2) {
            expected.put(EXPECTED[i], EXPECTED[i + 1]);
        }
        assertEquals(expected, actual);
        Map<?, ?> format = leaves.get("fileformat.imageformat");
        assertEquals("ImageFormat", format.get("name"));
        assertEquals(List.of("PNG", "JPG", "WEBP_LOSSLESS", "WEBP"), format.get("values"));
        assertEquals(false, format.get("is_secret"));
        assertTrue(((List<?>) leaves.get("language").get("values")).contains("en"));
        assertEquals(14, ((List<?>) leaves.get("theme").get("values")).size());
    }

    @Test
    public void serverSettingsCarryUserAuthorizationAndEveryUserDefault() {
        assertEquals(false, settings.get("userauthorization.authorizationrequired"));
        assertEquals(true, settings.get("userauthorization.allowlocalhostbypass"));
        assertEquals("user", settings.get("userauthorization.registration.newuserdefaultrole"));
        assertTrue(apiary.core.api.settings.SettingsTree.find(settings.definitions(),
                "userauthorization.oauth.googleoauthclientsecret").orElseThrow().secret());
        assertEquals("admins may set the default roles", List.of("owner"), settings.get("defaultuser.roles"));
        for (int i = 0; i < EXPECTED.length; i += 2) {
            assertTrue(EXPECTED[i], apiary.core.api.settings.SettingsTree.find(settings.definitions(), "defaultuser." + EXPECTED[i]).isPresent());
        }
    }

    @Test
    public void themesAreListedWithTheirStylesheets() {
        Map<?, ?> themes = (Map<?, ?>) ok(localSession(), "GetUserSettings", Map.of()).get("themes");
        assertEquals(List.of("modern_dark", "modern_light", "solarized", "dark_dreams", "gravity_blue", "cyber_swarm", "punked",
                "eyesear_white", "swarmpunk", "beweish", "ctp_mocha", "ctp_macchiato", "ctp_frappe", "ctp_latte"),
                List.copyOf(themes.keySet()));
        Map<?, ?> dark = (Map<?, ?>) themes.get("modern_dark");
        assertEquals("Modern Dark", dark.get("name"));
        assertEquals(true, dark.get("is_dark"));
        assertEquals(List.of("css/themes/modern.css", "css/themes/modern_dark.css"), dark.get("css_paths"));
    }

    @Test
    public void changesRoundTripAllOrNothingAndSkipRolesAndUnknownIds() {
        String s = localSession();
        try {
            assertEquals(Map.of("success", true), ok(s, "ChangeUserSettings", body("settings", body(
                    "FileFormat.ImageQuality", "85", "fileformat.imageformat", "JPG", "theme", "ctp_latte",
                    "hoverdelayseconds", 1.25, "roles", List.of("guest"), "no.such.setting", 1))).json);
            Map<String, Map<?, ?>> leaves = settingsOf(s);
            assertEquals(85, leaves.get("fileformat.imagequality").get("value"));
            assertEquals("JPG", leaves.get("fileformat.imageformat").get("value"));
            assertEquals("ctp_latte", leaves.get("theme").get("value"));
            assertEquals(1.25, leaves.get("hoverdelayseconds").get("value"));
            assertEquals("roles cannot be changed by the user", List.of("owner"), users.find("local").orElseThrow().roles());
            assertEquals("another session of the user sees it", "JPG", settingsOf(localSession()).get("fileformat.imageformat").get("value"));

            Object error = ok(s, "ChangeUserSettings", body("settings", body("fileformat.imagequality", 10,
                    "fileformat.imageformat", "GIF"))).get("error");
            assertTrue(String.valueOf(error), String.valueOf(error).contains("imageformat"));
            assertEquals("nothing half-applied", 85, settingsOf(s).get("fileformat.imagequality").get("value"));
            assertTrue(String.valueOf(ok(s, "ChangeUserSettings", body("settings", body("maxpromptlines", "many"))).get("error"))
                    .contains("maxpromptlines"));
            assertEquals("Missing 'settings' object", ok(s, "ChangeUserSettings", Map.of()).get("error"));
            assertEquals("Missing 'settings' object", ok(s, "ChangeUserSettings", body("settings", "theme=x")).get("error"));
        } finally {
            ok(s, "ChangeUserSettings", body("settings", body("fileformat.imagequality", 100, "fileformat.imageformat", "PNG",
                    "theme", "modern_dark", "hoverdelayseconds", 0.5)));
        }
    }

    @Test
    public void serverDefaultUserValuesApplyToUnchangedSettings() {
        String s = localSession();
        assertFalse(settings.change(Map.of("defaultuser.maxpromptlines", 20)).isEmpty());
        try {
            assertEquals(20, settingsOf(s).get("maxpromptlines").get("value"));
            assertEquals(20L, users.find("local").orElseThrow().setting("MaxPromptLines"));
        } finally {
            settings.change(Map.of("defaultuser.maxpromptlines", 10));
        }
        assertEquals(10, settingsOf(s).get("maxpromptlines").get("value"));
    }
}
