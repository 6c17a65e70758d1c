package apiary.core.models.internal.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import apiary.core.api.json.RawJson;
import apiary.core.api.route.ApiError;

import org.junit.jupiter.api.Test;

/** ListModels' path, depth, folder and sort rules. */
class ModelListingTest {
    private static final List<String> NAMES = List.of("a.safetensors", "x/b.safetensors", "x/y/c.safetensors", "x/y/z/d.safetensors",
            "secret/e.safetensors");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> list(String path, int depth, String sort, boolean reverse) {
        ModelListing l = new ModelListing(path, depth, n -> !n.startsWith("secret/"));
        int i = 0;
        for (String n : NAMES) {
            i++;
            if (l.matches(n)) {
                l.add(new ModelListing.Entry(n, "t" + (10 - i), i, 100 - i, Map.of("name", n)));
            }
        }
        return l.result(sort, reverse);
    }

    @SuppressWarnings("unchecked")
    private static List<String> files(Map<String, Object> r) {
        return ((List<Map<String, Object>>) r.get("files")).stream().map(m -> (String) m.get("name")).toList();
    }

    @Test
    void depthAndPath() {
        Map<String, Object> root = list("", 1, "Name", false);
        assertEquals(List.of("a.safetensors"), files(root));
        assertEquals(List.of("x"), root.get("folders"), "folders the user may not see are not listed");
        Map<String, Object> deep = list("", 2, "Name", false);
        assertEquals(List.of("a.safetensors", "x/b.safetensors"), files(deep));
        assertEquals(List.of("x", "x/y"), deep.get("folders"));
        Map<String, Object> sub = list("\\x//", 1, "name", false);
        assertEquals(List.of("x/b.safetensors"), files(sub));
        assertEquals(List.of("y"), sub.get("folders"));
        assertEquals(4, files(list("", 25, "Name", false)).size(), "depth is clamped to 20");
        assertEquals(1, files(list("", -3, "Name", false)).size(), "depth is clamped to 1");
    }

    @Test
    void sorting() {
        assertEquals(List.of("x/y/z/d.safetensors", "x/y/c.safetensors", "x/b.safetensors", "a.safetensors"),
                files(list("", 20, "Title", false)));
        assertEquals(List.of("a.safetensors", "x/b.safetensors", "x/y/c.safetensors", "x/y/z/d.safetensors"),
                files(list("", 20, "DateModified", false)), "newest first");
        assertEquals(List.of("x/y/z/d.safetensors", "x/y/c.safetensors", "x/b.safetensors", "a.safetensors"),
                files(list("", 20, "Name", true)));
        assertEquals("Invalid sort mode 'Size'.", assertThrows(ApiError.class, () -> list("", 1, "Size", false)).getMessage());
    }

    @Test
    void writtenObjectsMakeOneText() {
        ModelListing l = new ModelListing("", 2, n -> true);
        for (String n : List.of("b/y.safetensors", "a.safetensors", "b/x.safetensors")) {
            assertEquals(true, l.matches(n));
            l.add(new ModelListing.Entry(n, n, 0, 0, RawJson.of("{\"name\":\"" + n + "\"}")));
        }
        Map<String, Object> r = l.result("Name", true);
        assertEquals(RawJson.of("[{\"name\":\"b/y.safetensors\"},{\"name\":\"b/x.safetensors\"},{\"name\":\"a.safetensors\"}]"),
                r.get("files"));
        assertEquals(List.of("b"), r.get("folders"));
        ModelListing empty = new ModelListing("nothing", 2, n -> true);
        assertEquals(RawJson.of("[]"), empty.result("Name", false).get("files"));
    }
}
