package apiary.itest.models;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import apiary.itest.Api;

import org.junit.Test;

/** EditModelMetadata, GetModelHeaders, GetModelHash, RenameModel and DeleteModel through the running server. */
public class ModelEditIT extends ModelsTestSupport {
    private static long headerLength(Path file) throws Exception {
        byte[] b = Arrays.copyOf(Files.readAllBytes(file), 8);
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    private static byte[] tensors(Path file) throws Exception {
        byte[] all = Files.readAllBytes(file);
        return Arrays.copyOfRange(all, (int) (8 + headerLength(file)), all.length);
    }

    private Api.Reply edit(String model, String title, String tags) {
        return call("EditModelMetadata", "model", model, "title", title, "author", "Bob", "type", "", "description", "edited",
                "standard_width", 768, "standard_height", 512, "usage_hint", "use it", "date", "2024-05-06", "license", "MIT",
                "trigger_phrase", "magic", "prediction_type", "v", "tags", tags);
    }

    @Test
    public void editRoundTripRewritesTheHeaderKeepingTensors() throws Exception {
        Path file = ModelFiles.write(sd("e.safetensors"), Map.of("ss_network_module", "kept"), ModelFiles.SD1);
        byte[] before = tensors(file);
        useTestFolders();
        assertEquals(Map.of("success", true), edit("e.safetensors", "Edited Title", "one, two").json);
        Map<String, Object> m = file(call("ListModels", "path", "", "depth", 1), "e.safetensors");
        assertEquals("Edited Title", m.get("title"));
        assertEquals("Bob", m.get("author"));
        assertEquals(List.of("one", "two"), m.get("tags"));
        assertEquals("768x512", m.get("resolution"));
        assertEquals("stable-diffusion-v1", m.get("architecture"));
        assertTrue(Arrays.equals(before, tensors(file)));
        assertEquals(0, headerLength(file) % 8);
        Map<?, ?> headers = (Map<?, ?>) call("GetModelHeaders", "model", "e.safetensors").get("headers");
        Map<?, ?> meta = (Map<?, ?>) headers.get("__metadata__");
        assertEquals("Edited Title", meta.get("modelspec.title"));
        assertEquals("kept", meta.get("ss_network_module"));
        assertEquals("1.0.0", meta.get("modelspec.sai_model_spec"));
        assertTrue(headers.containsKey(ModelFiles.SD1[0]));
        String hash = "0x" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(before));
        assertEquals(hash, meta.get("modelspec.hash_sha256"));
        assertEquals(Map.of("hash", hash), call("GetModelHash", "modelName", "e").json);
        assertEquals("no temporary files left", List.of("e.safetensors"),
                Files.list(file.getParent()).map(p -> p.getFileName().toString()).toList());

        assertEquals(Map.of("success", true), edit("e.safetensors", "", "").json);
        Map<String, Object> cleared = file(call("ListModels", "path", "", "depth", 1), "e.safetensors");
        assertEquals("a blank title falls back to the file name", "e", cleared.get("title"));
        assertEquals(null, cleared.get("tags"));
        assertEquals(Map.of("error", "Model not found."), edit("nope.safetensors", "x", "").json);
    }

    @Test
    public void previewImagesCanBeSetAndCleared() throws Exception {
        ModelFiles.write(sd("p.safetensors"), Map.of(), ModelFiles.SD1);
        useTestFolders();
        String png = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
        Map<String, Object> body = body("model", "p.safetensors", "title", "P", "author", "", "type", "", "description", "",
                "standard_width", 0, "standard_height", 0, "usage_hint", "", "date", "", "license", "", "trigger_phrase", "",
                "prediction_type", "", "tags", "", "preview_image", png);
        assertEquals(Map.of("success", true), api().call(session, "EditModelMetadata", body).json);
        String url = (String) file(call("ListModels", "path", "", "depth", 1), "p.safetensors").get("preview_image");
        assertTrue(url, url.startsWith("/ViewSpecial/Stable-Diffusion/p.safetensors"));
        assertEquals(200, get(url).statusCode());
        assertEquals(png, ((Map<?, ?>) call("DescribeModel", "modelName", "p").get("model")).get("preview_image"));
        body.put("preview_image", "clear");
        api().call(session, "EditModelMetadata", body);
        assertEquals("imgs/model_placeholder.jpg", file(call("ListModels", "path", "", "depth", 1), "p.safetensors").get("preview_image"));
        body.put("preview_image", "data:text/html;base64,PHNjcmlwdD4=");
        assertEquals("Invalid preview image: must be a base64 image data URL.", api().call(session, "EditModelMetadata", body).get("error"));
    }

    @Test
    public void renameMovesSidecarsAndDeleteRemovesThem() throws Exception {
        Path file = ModelFiles.write(sd("old/m.safetensors"), Map.of(), ModelFiles.SD1);
        Files.write(sd("old/m.png"), new byte[] {1});
        Files.writeString(sd("old/m.swarm.json"), "{\"modelspec.title\": \"Side\"}");
        useTestFolders();
        assertEquals("Side", file(call("ListModels", "path", "", "depth", 2), "old/m.safetensors").get("title"));
        assertEquals(Map.of("success", true), call("RenameModel", "oldName", "old/m", "newName", "new dir/renamed model.safetensors").json);
        assertFalse(Files.exists(file));
        assertFalse("the emptied folder is removed", Files.exists(sd("old")));
        assertTrue(Files.exists(sd("new_dir/renamed_model.safetensors")));
        assertTrue(Files.exists(sd("new_dir/renamed_model.png")));
        Api.Reply listed = call("ListModels", "path", "", "depth", 2);
        assertEquals(List.of("new_dir/renamed_model.safetensors"), names(listed));
        assertEquals("Side", file(listed, "new_dir/renamed_model.safetensors").get("title"));

        ModelFiles.write(sd("taken.safetensors"), Map.of(), ModelFiles.SD1);
        library.refresh();
        assertEquals(Map.of("error", "Model new name is already taken by an existing model."),
                call("RenameModel", "oldName", "new_dir/renamed_model.safetensors", "newName", "taken").json);
        assertEquals(Map.of("success", true), call("DeleteModel", "modelName", "new_dir/renamed_model").json);
        assertFalse(Files.exists(sd("new_dir")));
        assertEquals(List.of("taken.safetensors"), names(call("ListModels", "path", "", "depth", 2)));
        assertEquals(Map.of("error", "Model not found."), call("DeleteModel", "modelName", "new_dir/renamed_model").json);
    }

    @Test
    public void traversalInNamesIsRefused() throws Exception {
        ModelFiles.write(sd("m.safetensors"), Map.of(), ModelFiles.SD1);
        Path outside = ModelFiles.write(root.resolve("outside.safetensors"), Map.of(), ModelFiles.SD1);
        useTestFolders();
        for (String bad : List.of("../outside.safetensors", "/etc/passwd", "..\\outside", "a/../../outside.safetensors")) {
            Api.Reply d = call("DeleteModel", "modelName", bad);
            assertTrue(bad + ": " + d, String.valueOf(d.get("error")).startsWith("Invalid name"));
            Api.Reply r = call("RenameModel", "oldName", "m.safetensors", "newName", bad);
            assertEquals(bad, Map.of("error", "Model new name is not valid."), r.json);
        }
        assertTrue(Files.exists(outside));
        assertTrue(Files.exists(sd("m.safetensors")));
    }
}
