package apiary.itest.devx;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import apiary.itest.Api;
import apiary.itest.ApiaryTestSupport;

import org.junit.Test;

/**
 * The example backend extension (ext-repo/solidcolor) through the API only: installed from the shipped index, its
 * backend type and T2I parameter appear, a backend of its type generates a real image in the requested color, and
 * uninstalling it takes both away again.
 */
public class SolidColorExtensionIT extends ApiaryTestSupport {
    @Test
    public void anExtensionAddsABackendTypeAndAParameterThatRoutesToIt() throws Exception {
        Api api = api();
        String s = api.newSession();
        assertEquals(Map.of("success", true), api.call(s, "InstallExtension", Map.of("extensionName", "solidcolor")).json);
        Integer id = null;
        try {
            assertTrue("the type is offered", types(api, s).contains("solid_color"));
            Map<?, ?> param = param(api, s, "solidcolor");
            assertNotNull("the parameter is listed", param);
            assertEquals("#808080", param.get("default"));
            assertEquals("solid_color", param.get("feature_flag"));

            Api.Reply added = api.call(s, "AddNewBackend", Map.of("type_id", "solid_color"));
            id = (Integer) added.get("id");
            assertNotNull(added.toString(), id);
            awaitRunning(api, s, id);

            Api.Reply gen = api.call(s, "GenerateText2Image", Map.of("images", 1, "prompt", "anything", "width", 96,
                    "height", 64, "solidcolor", "#ff8000"));
            List<?> images = (List<?>) gen.get("images");
            assertNotNull(gen.toString(), images);
            HttpResponse<byte[]> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(api.uri("/" + images.get(0))).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, file.statusCode());
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(file.body()));
            assertEquals(96, img.getWidth());
            assertEquals(64, img.getHeight());
            assertEquals(0xff8000, img.getRGB(10, 10) & 0xffffff);

            Api.Reply bad = api.call(s, "GenerateText2Image", Map.of("images", 1, "prompt", "x", "solidcolor", "red"));
            assertTrue(bad.toString(), String.valueOf(bad.get("error")).contains("Solid Color must look like #RRGGBB"));
        } finally {
            if (id != null) {
                api.call(s, "DeleteBackend", Map.of("backend_id", id));
            }
            assertEquals(Map.of("success", true), api.call(s, "UninstallExtension", Map.of("extensionName", "solidcolor")).json);
        }
        assertTrue(!types(api, s).contains("solid_color"));
        assertEquals(null, param(api, s, "solidcolor"));
    }

    private static List<Object> types(Api api, String s) {
        List<Object> ids = new java.util.ArrayList<>();
        for (Object t : (List<?>) api.call(s, "ListBackendTypes", Map.of()).get("list")) {
            ids.add(((Map<?, ?>) t).get("id"));
        }
        return ids;
    }

    private static Map<?, ?> param(Api api, String s, String id) {
        for (Object o : (List<?>) api.call(s, "ListT2IParams", Map.of()).get("list")) {
            if (id.equals(((Map<?, ?>) o).get("id"))) {
                return (Map<?, ?>) o;
            }
        }
        return null;
    }

    private static void awaitRunning(Api api, String s, int id) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        Object status = null;
        while (System.nanoTime() < deadline) {
            Map<?, ?> list = (Map<?, ?>) api.call(s, "ListBackends", Map.of()).json;
            Map<?, ?> b = (Map<?, ?>) list.get(String.valueOf(id));
            status = b == null ? null : b.get("status");
            if ("running".equals(status)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("backend " + id + " never ran: " + status);
    }
}
