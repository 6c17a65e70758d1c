package apiary.itest.t2i;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import apiary.itest.Api;
import apiary.itest.ApiaryTestSupport;

import org.junit.Test;

/**
 * Saved outputs through the running server: AddImageToHistory saves with SwarmUI's path format and metadata, the
 * history lists it with its metadata (also in pages), starring and deleting work, /View streams the file (and a
 * preview) and refuses every traversal.
 */
public class OutputHistoryIT extends ApiaryTestSupport {
    static String pngDataUrl() throws IOException {
        BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        img.setRGB(3, 3, 0xFF0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
    }

    private static String add(Api api, String s, Map<String, Object> params) throws IOException {
        Map<String, Object> body = new java.util.LinkedHashMap<>(params);
        body.put("image", pngDataUrl());
        Api.Reply r = api.call(s, "AddImageToHistory", body);
        List<?> images = (List<?>) r.get("images");
        assertNotNull(r.toString(), images);
        Map<?, ?> first = (Map<?, ?>) images.get(0);
        assertEquals("0", first.get("batch_index"));
        assertTrue(String.valueOf(first.get("metadata")).contains("\"sui_image_params\""));
        return (String) first.get("image");
    }

    @Test
    public void savedImagesAreListedStarredAndDeleted() throws IOException {
        Api api = api();
        String s = api.newSession();
        String url = add(api, s, Map.of("prompt", "a history cat", "seed", 7, "steps", 11));
        assertTrue(url, url.matches("View/local/raw/\\d{4}-\\d{2}-\\d{2}/\\d{4}\\d{3}-a history cat-\\.png|View/local/raw/\\d{4}-\\d{2}-\\d{2}/\\d{7}-a history cat-?\\.png"));
        String rel = url.substring("View/local/".length());
        String day = rel.substring(0, rel.lastIndexOf('/'));

        Api.Reply list = api.call(s, "ListImages", Map.of("path", day, "depth", 1));
        List<?> files = (List<?>) list.get("files");
        Map<?, ?> entry = files.stream().map(f -> (Map<?, ?>) f).filter(f -> rel.endsWith((String) f.get("src"))).findFirst().orElseThrow();
        assertTrue(String.valueOf(entry.get("metadata")).contains("\"prompt\": \"a history cat\""));
        assertTrue(String.valueOf(entry.get("metadata")).contains("\"steps\": 11"));
        Api.Reply root = api.call(s, "ListImages", Map.of("path", "", "depth", 3, "sortBy", "Date"));
        assertTrue(root.toString(), ((List<?>) root.get("folders")).contains("raw"));
        assertEquals("Invalid sort mode 'Size'.", api.call(s, "ListImages", Map.of("path", "", "depth", 1, "sortBy", "Size")).get("error"));

        Api.Reply star = api.call(s, "ToggleImageStarred", Map.of("path", rel));
        assertEquals(Map.of("new_state", true), star.json);
        Api.Reply starred = api.call(s, "ListImages", Map.of("path", "Starred", "depth", 5));
        assertEquals(1, ((List<?>) starred.get("files")).size());
        assertEquals(Map.of("new_state", false), api.call(s, "ToggleImageStarred", Map.of("path", rel)).json);

        assertEquals(Map.of("success", true), api.call(s, "DeleteImage", Map.of("path", rel)).json);
        assertEquals("That file does not exist, cannot delete.", api.call(s, "DeleteImage", Map.of("path", rel)).get("error"));
        assertEquals("bad_path", api.call(s, "DeleteImage", Map.of("path", "../../secret")).get("error_id"));
        Api.Reply open = api.call(s, "OpenImageFolder", Map.of("path", "raw/none.png"));
        assertEquals("That file does not exist, cannot open.", open.get("error"));
    }

    @Test
    public void historyPagesCoverEveryImageOnce() throws IOException {
        Api api = api();
        String s = api.newSession();
        Set<String> saved = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            saved.add(add(api, s, Map.of("prompt", "paged " + i, "overrideoutpathformat", "paging/[prompt]")).substring("View/local/".length()));
        }
        List<String> seen = new ArrayList<>();
        String cursor = "";
        do {
            Api.Reply page = api.call(s, "ListImageHistory", Map.of("path", "paging", "limit", 3, "cursor", cursor));
            assertEquals("total counts what the path matches, not the whole history", 7, ((Number) page.get("total")).intValue());
            for (Object f : (List<?>) page.get("files")) {
                seen.add("paging/" + ((Map<?, ?>) f).get("src"));
            }
            cursor = (String) page.get("next_cursor");
        } while (cursor != null);
        assertEquals(saved, new HashSet<>(seen));
        assertEquals(7, seen.size());
        assertEquals("Invalid cursor.", api.call(s, "ListImageHistory", Map.of("cursor", "%%%")).get("error"));
    }

    @Test
    public void viewRefusesTraversalAndUnknownFiles() throws Exception {
        Api api = api();
        String s = api.newSession();
        add(api, s, Map.of("prompt", "view test"));
        for (String evil : List.of("/View/local/..%2F..%2F..%2Fetc%2Fpasswd", "/View/local/%2e%2e/%2e%2e/x",
                "/View/local/%252e%252e/%252e%252e/x", "/View/local/raw%5C..%5C..%5Cx", "/View/local/raw/%00.png",
                "/View/local//etc/passwd", "/View/..%2Fx/raw/a.png", "/Output/..%2F..%2Fx")) {
            Api.Reply r = api.send(HttpRequest.newBuilder(URI.create(api.uri("") + evil)).GET().build());
            assertNotEquals(evil + " -> " + r, 200, r.status);
            assertFalse(evil + " -> " + r, r.text.contains("root:"));
            assertTrue(evil + " -> " + r, r.status == 400 || r.status == 404);
        }
        String url = add(api, s, Map.of("prompt", "served"));
        java.net.http.HttpResponse<byte[]> file = java.net.http.HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(api.uri("/" + url.replace(" ", "%20"))).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, file.statusCode());
        assertEquals("image/png", file.headers().firstValue("Content-Type").orElse(""));
        assertTrue(file.headers().firstValue("Cache-Control").orElse("").startsWith("private"));
        assertTrue(file.headers().firstValue("ETag").isPresent());
        assertEquals((byte) 0x89, file.body()[0]);
        assertTrue("the saved PNG carries its metadata", new String(file.body(), java.nio.charset.StandardCharsets.ISO_8859_1)
                .contains("tEXtparameters\0{"));
        java.net.http.HttpResponse<byte[]> preview = java.net.http.HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(api.uri("/" + url.replace(" ", "%20") + "?preview=true")).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, preview.statusCode());
        assertEquals("image/jpeg", preview.headers().firstValue("Content-Type").orElse(""));
        Api.Reply missing = api.send(HttpRequest.newBuilder(api.uri("/View/local/raw/nothing-here.png")).GET().build());
        assertEquals(404, missing.status);
        assertEquals(Map.of("error", "404, file not found.", "error_id", "file_not_found"), missing.json);
    }
}
