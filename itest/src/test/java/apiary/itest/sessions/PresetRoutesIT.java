package apiary.itest.sessions;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.inject.Inject;

import apiary.core.api.data.Database;
import apiary.itest.Api;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** Presets through the running server: SwarmUI's title, collision, preview and parameter rules. */
public class PresetRoutesIT extends SessionsTestSupport {
    private static final String JPEG = "data:image/jpeg;base64,";

    @Inject
    private Database database;

    private String s;
    private String folder;

    @Before
    public void setUp() {
        s = localSession();
        folder = unique("it");
    }

    @After
    public void tearDown() {
        for (Object p : presets()) {
            String title = (String) ((Map<?, ?>) p).get("title");
            if (title.startsWith(folder)) {
                ok(s, "DeletePreset", body("preset", title));
            }
        }
    }

    private List<?> presets() {
        return (List<?>) ok(s, "GetMyUserData", Map.of()).get("presets");
    }

    private Map<?, ?> preset(String title) {
        return presets().stream().map(p -> (Map<?, ?>) p).filter(p -> title.equals(p.get("title"))).findFirst().orElse(null);
    }

    private Map<String, Object> add(String title, Object... more) {
        Map<String, Object> b = body("title", title, "description", "about " + title, "param_map", Map.of("steps", 20));
        b.putAll(body(more));
        return ok(s, "AddNewPreset", b).json;
    }

    static String image(int w, int h, String format) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        img.setRGB(w / 2, h / 2, 0xFF0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return JPEG + Base64.getEncoder().encodeToString(out.toByteArray());
    }

    private String storedPreview(String title) throws Exception {
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT preview_image FROM acct_presets WHERE user_id = 'local' AND title_key = ?")) {
            ps.setString(1, title.toLowerCase());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    @Test
    public void roundTripWithPreviewImageAndParameterTexts() throws Exception {
        Map<String, Object> params = body("steps", 20, "cfgscale", 7.5, "seamless", true, "refiner", false,
                "loras", List.of("a", "b"), "extra", Map.of("k", 1), "none", null, "prompt", "a cat");
        assertEquals(Map.of("success", true), ok(s, "AddNewPreset", body("title", "/" + folder + "//My <Pre>set.",
                "description", "desc", "param_map", params, "preview_image", image(1000, 500, "png"),
                "preview_image_metadata", "{\"prompt\":\"a cat\"}", "is_starred", true)).json);
        String title = folder + "/My Preset";
        Map<?, ?> p = preset(title);
        assertEquals("local", p.get("author"));
        assertEquals("desc", p.get("description"));
        assertEquals(true, p.get("is_starred"));
        assertTrue(p.get("preview_image").toString(), p.get("preview_image").toString().matches(
                "/ViewSpecial/Preset/" + title + "\\?editid=\\d+"));
        assertEquals(Map.of("steps", "20", "cfgscale", "7.5", "seamless", "True", "refiner", "False",
                "loras", "[\"a\",\"b\"]", "extra", "{\"k\":1}", "none", "", "prompt", "a cat"), p.get("param_map"));

        String stored = storedPreview(title);
        assertTrue(stored.startsWith(JPEG));
        byte[] jpeg = Base64.getDecoder().decode(stored.substring(JPEG.length()));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertEquals("short side 256", 256, img.getHeight());
        assertEquals(512, img.getWidth());
        assertTrue("metadata in EXIF UserComment", new String(jpeg, StandardCharsets.ISO_8859_1).contains("UNICODE\0"));

        // The URL GetMyUserData hands out serves that very image (titles match ignoring case).
        Api api = api();
        String url = p.get("preview_image").toString();
        String shouted = "/ViewSpecial/Preset/" + title.toUpperCase(Locale.ROOT);
        HttpResponse<byte[]> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(api.uri(
                new URI(null, null, shouted, null).toASCIIString() + url.substring(url.indexOf('?')))).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(served.uri() + " " + new String(served.body()), 200, served.statusCode());
        assertEquals("image/jpeg", served.headers().firstValue("Content-Type").orElse(""));
        assertEquals("private, max-age=2", served.headers().firstValue("Cache-Control").orElse(""));
        assertArrayEquals(jpeg, served.body());
        Api.Reply missing = api.send(HttpRequest.newBuilder(api.uri("/ViewSpecial/Preset/no-such-preset")).GET().build());
        assertEquals(404, missing.status);
        assertEquals(Map.of("error", "404, file not found.", "error_id", "file_not_found"), missing.json);
        assertTrue(new String(ByteBuffer.wrap(jpeg).array(), StandardCharsets.UTF_16BE).contains("a cat")
                || new String(jpeg, 1, jpeg.length - 1, StandardCharsets.UTF_16BE).contains("a cat"));
    }

    @Test
    public void editingKeepsOrReplacesThePreviewAndRenames() throws Exception {
        String a = folder + "a";
        add(a, "preview_image", image(300, 300, "jpg"));
        String original = storedPreview(a);
        Map<?, ?> before = preset(a);
        assertEquals(Map.of("success", true), add(a, "is_edit", true, "editing", a, "description", "changed",
                "preview_image", before.get("preview_image")));
        Map<?, ?> after = preset(a);
        assertEquals("changed", after.get("description"));
        assertEquals("a /ViewSpecial/ value keeps the image", original, storedPreview(a));
        assertNotEquals("a new edit id busts caches", before.get("preview_image"), after.get("preview_image"));
        assertEquals(Map.of("success", true), add(a, "is_edit", true, "editing", a));
        assertEquals("an empty value inherits the image", original, storedPreview(a));

        String b = folder + "b";
        assertEquals(Map.of("success", true), add(b, "is_edit", true, "editing", a));
        assertEquals("renamed away", null, preset(a));
        assertEquals(original, storedPreview(b));

        String c = folder + "c";
        add(c);
        assertEquals("renaming onto another preset is refused, nothing lost",
                Map.of("preset_fail", "A preset with that title already exists."), add(c, "is_edit", true, "editing", b));
        assertEquals(original, storedPreview(b));
        assertEquals("imgs/model_placeholder.jpg", preset(c).get("preview_image"));
        assertEquals(Map.of("success", true), add(c, "preview_image", "imgs/model_placeholder.jpg", "is_edit", true, "editing", c));
    }

    @Test
    public void titlesAreUniqueIgnoringCase() {
        add(folder + "Same");
        assertEquals(Map.of("preset_fail", "A preset with that title already exists."), add(folder.toUpperCase() + "SAME"));
        assertEquals(1, presets().stream().filter(p -> ((Map<?, ?>) p).get("title").toString().startsWith(folder)).count());
    }

    @Test
    public void duplicateNumbersCopiesAndDeleteReportsWhatHappened() throws Exception {
        String a = folder + "dup";
        add(a, "preview_image", image(256, 400, "jpg"), "param_map", Map.of("seed", 1));
        assertEquals(Map.of("success", true), ok(s, "DuplicatePreset", body("preset", a)).json);
        assertEquals(Map.of("success", true), ok(s, "DuplicatePreset", body("preset", a)).json);
        assertEquals(Map.of("seed", "1"), preset(a + " (2)").get("param_map"));
        assertEquals(storedPreview(a), storedPreview(a + " (3)"));
        assertEquals(Map.of("preset_fail", "No such preset."), ok(s, "DuplicatePreset", body("preset", folder + "nope")).json);
        assertEquals(Map.of("success", true), ok(s, "DeletePreset", body("preset", (a + " (2)").toUpperCase())).json);
        assertEquals(Map.of("success", false), ok(s, "DeletePreset", body("preset", a + " (2)")).json);
        assertEquals(null, preset(a + " (2)"));
    }

    @Test
    public void badInputGetsClearAnswersAndStoresNothing() throws Exception {
        List<Object> answers = new ArrayList<>();
        answers.add(add(" /./ "));
        answers.add(add(folder + "x", "preview_image", "/Output/local/image.png"));
        answers.add(add(folder + "x", "preview_image", JPEG + "abc?x=1"));
        answers.add(add(folder + "x", "preview_image", JPEG + Base64.getEncoder().encodeToString("not an image".getBytes())));
        assertEquals(List.of(Map.of("preset_fail", "Invalid or empty title."),
                Map.of("preset_fail", "Forbidden preview-image path."),
                Map.of("preset_fail", "Forbidden preview-image path."),
                Map.of("preset_fail", "The preview image is not in a readable image format.")), answers);
        assertEquals("Missing required parameter 'title'", ok(s, "AddNewPreset", body("description", "", "param_map", Map.of())).get("error"));
        assertEquals("Missing required parameter 'description'", ok(s, "AddNewPreset", body("title", "t", "param_map", Map.of())).get("error"));
        assertEquals("Missing 'param_map' object", ok(s, "AddNewPreset", body("title", folder + "x", "description", "")).get("error"));
        assertTrue(ok(s, "AddNewPreset", body("title", folder + "x", "description", "", "param_map", Map.of(), "is_edit", true))
                .get("error").toString().contains("'editing'"));
        assertEquals("Missing required parameter 'preset'", ok(s, "DeletePreset", Map.of()).get("error"));
        assertEquals("Missing required parameter 'preset'", ok(s, "DuplicatePreset", Map.of()).get("error"));
        assertEquals(null, preset(folder + "x"));
    }
}
