package apiary.itest.web;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import apiary.itest.Api;
import apiary.itest.ApiaryTestSupport;

import org.junit.Test;

/**
 * Every asset URL the API hands out resolves through the web UI bundle, with caching headers: the theme stylesheets
 * GetUserSettings lists, {@code imgs/model_placeholder.jpg}, {@code /favicon.ico}, the page scripts (following every
 * ES module import) and stylesheets; pages are never cached; bad paths get SwarmUI's 404 and nothing outside the UI's
 * folder is served.
 */
public class WebAssetsIT extends ApiaryTestSupport {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern IMPORT = Pattern.compile("(?:import|from|module:)\\s*\\(?\\s*['\"](\\.{1,2}/[^'\"]+)['\"]");

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(api().uri(path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse("");
    }

    private HttpResponse<byte[]> asset(String path, String type) throws Exception {
        HttpResponse<byte[]> r = get(path);
        assertEquals(path, 200, r.statusCode());
        assertTrue(path + " is " + header(r, "Content-Type"), header(r, "Content-Type").startsWith(type));
        assertTrue(path + " is cached: " + header(r, "Cache-Control"), header(r, "Cache-Control").matches("private, max-age=\\d+"));
        String etag = header(r, "ETag");
        assertFalse(path + " has an ETag", etag.isEmpty());
        assertEquals(path + " revalidates", 304, get(path, "If-None-Match", etag).statusCode());
        return r;
    }

    @Test
    public void theThemesGetUserSettingsListsExistAndAreCached() throws Exception {
        Api api = api();
        Map<?, ?> themes = (Map<?, ?>) api.call(api.newSession(), "GetUserSettings", Map.of()).get("themes");
        assertTrue(themes.toString(), themes.size() >= 14);
        for (Object t : themes.values()) {
            for (Object css : (List<?>) ((Map<?, ?>) t).get("css_paths")) {
                HttpResponse<byte[]> r = asset("/" + css, "text/css");
                assertTrue(css + " sets the colours", new String(r.body(), StandardCharsets.UTF_8).contains(":root"));
            }
        }
    }

    @Test
    public void thePlaceholderTheIconAndTheStylesheetResolve() throws Exception {
        byte[] jpg = asset("/imgs/model_placeholder.jpg", "image/jpeg").body();
        assertEquals("a real JPEG", (byte) 0xFF, jpg[0]);
        assertEquals((byte) 0xD8, jpg[1]);
        byte[] ico = asset("/favicon.ico", "image/x-icon").body();
        assertEquals("an icon file", 1, ico[2]);
        asset("/css/site.css", "text/css");
        asset("/imgs/logo.png", "image/png");
    }

    @Test
    public void everyScriptThePagesLoadResolvesWithItsImports() throws Exception {
        Deque<String> todo = new ArrayDeque<>(List.of("js/app.js", "js/login.js", "js/install.js", "js/docs.js"));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String path = todo.pop();
            if (!seen.add(path)) {
                continue;
            }
            String text = new String(asset("/" + path, "text/javascript").body(), StandardCharsets.UTF_8);
            Matcher m = IMPORT.matcher(text);
            String dir = path.substring(0, path.lastIndexOf('/') + 1);
            while (m.find()) {
                todo.push(java.net.URI.create("http://x/" + dir).resolve(m.group(1)).getPath().substring(1));
            }
        }
        assertTrue("the page modules are found through app.js: " + seen, seen.contains("js/pages/generate.js")
                && seen.contains("js/pages/backends.js") && seen.contains("js/pages/history.js"));
    }

    @Test
    public void thePagesAreTheWebUiAndAreNeverCached() throws Exception {
        for (String page : List.of("/Text2Image", "/text2image", "/Login", "/docs", "/Install")) {
            HttpResponse<byte[]> r = get(page);
            assertEquals(page, 200, r.statusCode());
            assertTrue(page, header(r, "Content-Type").startsWith("text/html"));
            assertEquals(page, "no-store", header(r, "Cache-Control"));
            assertTrue(page + " loads its module", new String(r.body(), StandardCharsets.UTF_8).contains("type=\"module\""));
        }
        HttpResponse<byte[]> list = get("/ExtensionAssets");
        assertEquals(200, list.statusCode());
        assertTrue(new String(list.body(), StandardCharsets.UTF_8).startsWith("{\"extensions\":["));
    }

    @Test
    public void badPathsGetSwarmUIs404AndNothingOutsideTheUiFolder() throws Exception {
        for (String path : List.of("/css/nothing.css", "/js/../../../../etc/passwd", "/js/%2e%2e/%2e%2e/etc/passwd",
                "/imgs/", "/fonts/none.woff2", "/css/themes/", "/js//etc/passwd", "/imgs/..%5c..%5cbundle.jar")) {
            HttpResponse<byte[]> r = get(path);
            String body = new String(r.body(), StandardCharsets.UTF_8);
            assertTrue(path + " -> " + r.statusCode() + " " + body, r.statusCode() == 404 || r.statusCode() == 400
                    || r.statusCode() == 302);
            assertFalse(path + " leaks nothing", body.contains("root:") || body.contains("Exception"));
        }
        HttpResponse<byte[]> missing = get("/css/nothing.css");
        assertEquals(404, missing.statusCode());
        assertTrue(new String(missing.body(), StandardCharsets.UTF_8).contains("\"error_id\":\"file_not_found\""));
    }
}
