package apiary.itest.models;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;

import apiary.core.api.user.RoleInfo;
import apiary.core.api.user.RoleStore;
import apiary.itest.Api;

import org.junit.Test;

/**
 * ListModels, DescribeModel and the model library through the running server: folders and depth, sorting, the model
 * net object with metadata, sidecars and detected classes, several roots, previews, model access, and the corrupt
 * file corpus (listed with its reason, never a failure).
 */
public class ModelListingIT extends ModelsTestSupport {
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @Inject
    private RoleStore roles;

    private void writeCollection() throws Exception {
        ModelFiles.write(sd("sd15.safetensors"), Map.of("modelspec.title", "My SD", "modelspec.author", "Ann",
                "modelspec.tags", "a,b", "modelspec.date", "2023-01-01"), ModelFiles.SD1);
        ModelFiles.write(sd("xl/base.safetensors"), Map.of(), ModelFiles.SDXL);
        ModelFiles.write(sd("xl/deep/flux.safetensors"), Map.of("modelspec.title", "A Flux"), ModelFiles.FLUX_DEV);
        ModelFiles.write(sd(".hidden/skip.safetensors"), Map.of(), ModelFiles.SD1);
        ModelFiles.write(sd(".skip.safetensors"), Map.of(), ModelFiles.SD1);
        Files.write(sd("old.ckpt"), new byte[] {1, 2, 3});
        Files.write(sd("readme.txt"), new byte[] {1});
        Files.write(sd("xl/base.png"), PNG);
        Files.writeString(sd("xl/base.civitai.info"), "{\"trainedWords\": [\"xlword\"], \"ModelName\": \"Base From Civitai\"}");
        ModelFiles.write(root.resolve("unet/unet-only.safetensors"), Map.of(), ModelFiles.SD1);
        ModelFiles.write(root.resolve("Lora/l1.safetensors"), Map.of(), ModelFiles.SD1_LORA);
    }

    @Test
    public void foldersDepthAndTheNetObject() throws Exception {
        writeCollection();
        useTestFolders();
        Api.Reply top = call("ListModels", "path", "", "depth", 1);
        assertEquals(List.of("old.ckpt", "sd15.safetensors", "unet-only.safetensors"), names(top));
        assertEquals(List.of("xl"), top.get("folders"));
        Api.Reply all = call("ListModels", "path", "", "depth", 3);
        assertEquals(List.of("old.ckpt", "sd15.safetensors", "unet-only.safetensors", "xl/base.safetensors", "xl/deep/flux.safetensors"), names(all));
        assertEquals(List.of("xl", "xl/deep"), all.get("folders"));
        assertEquals(List.of("xl/base.safetensors"), names(call("ListModels", "path", "xl", "depth", 1)));

        Map<String, Object> sd = file(all, "sd15.safetensors");
        assertEquals("My SD", sd.get("title"));
        assertEquals("Ann", sd.get("author"));
        assertEquals(List.of("a", "b"), sd.get("tags"));
        assertEquals("stable-diffusion-v1", sd.get("architecture"));
        assertEquals("Stable Diffusion v1", sd.get("class"));
        assertEquals("stable-diffusion-v1", sd.get("compat_class"));
        assertEquals("512x512", sd.get("resolution"));
        assertEquals(true, sd.get("is_supported_model_format"));
        assertEquals(true, sd.get("local"));
        assertEquals(false, sd.get("loaded"));
        assertEquals("imgs/model_placeholder.jpg", sd.get("preview_image"));
        assertEquals(List.of("name", "title", "author", "description", "preview_image", "loaded", "architecture", "class",
                "compat_class", "resolution", "standard_width", "standard_height", "license", "date", "prediction_type",
                "usage_hint", "trigger_phrase", "merged_from", "tags", "is_supported_model_format", "is_negative_embedding",
                "lora_default_weight", "lora_default_confinement", "local", "time_created", "time_modified", "hash",
                "hash_sha256", "special_format"), List.copyOf(sd.keySet()));

        Map<String, Object> base = file(all, "xl/base.safetensors");
        assertEquals("Base From Civitai", base.get("title"));
        assertEquals("xlword", base.get("trigger_phrase"));
        assertEquals("stable-diffusion-xl-v0_9-base", base.get("architecture"));
        assertEquals(1024, base.get("standard_width"));
        String preview = (String) base.get("preview_image");
        assertTrue(preview, preview.startsWith("/ViewSpecial/Stable-Diffusion/xl/base.safetensors?editid="));
        HttpResponse<byte[]> img = get(preview);
        assertEquals(200, img.statusCode());
        assertEquals("image/png", img.headers().firstValue("Content-Type").orElse(""));
        assertTrue(java.util.Arrays.equals(PNG, img.body()));
        assertEquals("Flux.1-dev", file(all, "xl/deep/flux.safetensors").get("architecture"));
        assertEquals(false, file(all, "old.ckpt").get("is_supported_model_format"));

        Map<String, Object> withData = file(call("ListModels", "path", "xl", "depth", 1, "dataImages", true), "xl/base.safetensors");
        assertEquals("data:image/png;base64," + Base64.getEncoder().encodeToString(PNG), withData.get("preview_image"));
        assertEquals(List.of("l1.safetensors"), names(call("ListModels", "path", "", "depth", 1, "subtype", "LoRA")));
        assertEquals("stable-diffusion-v1/lora", file(call("ListModels", "path", "", "depth", 1, "subtype", "LoRA"), "l1.safetensors").get("architecture"));
    }

    @Test
    public void sortingAndErrors() throws Exception {
        ModelFiles.write(sd("b.safetensors"), Map.of("modelspec.title", "Zed"), ModelFiles.SD1);
        ModelFiles.write(sd("a.safetensors"), Map.of("modelspec.title", "Yak"), ModelFiles.SD1);
        ModelFiles.write(sd("c.safetensors"), Map.of("modelspec.title", "Xu"), ModelFiles.SD1);
        Files.setLastModifiedTime(sd("c.safetensors"), java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L));
        useTestFolders();
        assertEquals(List.of("a.safetensors", "b.safetensors", "c.safetensors"), names(call("ListModels", "path", "", "depth", 1)));
        assertEquals(List.of("c.safetensors", "b.safetensors", "a.safetensors"),
                names(call("ListModels", "path", "", "depth", 1, "sortReverse", true)));
        assertEquals(List.of("c.safetensors", "a.safetensors", "b.safetensors"), names(call("ListModels", "path", "", "depth", 1, "sortBy", "title")));
        assertEquals("oldest last", "c.safetensors", names(call("ListModels", "path", "", "depth", 1, "sortBy", "DateModified")).get(2));
        assertEquals(Map.of("error", "Invalid sort mode 'Size'."), call("ListModels", "path", "", "depth", 1, "sortBy", "Size").json);
        assertEquals(Map.of("error", "Invalid sub-type."), call("ListModels", "path", "", "depth", 1, "subtype", "Nope").json);
        assertEquals(Map.of("error", "Missing required parameter 'depth'"), call("ListModels", "path", "").json);
    }

    @Test
    public void describeFindsWithOrWithoutTheExtension() throws Exception {
        ModelFiles.write(sd("sub/m.safetensors"), Map.of("modelspec.description", "described"), ModelFiles.SD1);
        useTestFolders();
        Map<?, ?> m = (Map<?, ?>) call("DescribeModel", "modelName", "sub/m").get("model");
        assertEquals("sub/m.safetensors", m.get("name"));
        assertEquals("described", m.get("description"));
        assertEquals("sub/m.safetensors", ((Map<?, ?>) call("DescribeModel", "modelName", "\\sub//m.safetensors").get("model")).get("name"));
        assertEquals("(None)", ((Map<?, ?>) call("DescribeModel", "modelName", "(none)").get("model")).get("name"));
        assertEquals(Map.of("error", "Model not found."), call("DescribeModel", "modelName", "sub/other").json);
        assertEquals(Map.of("error", "Invalid sub-type."), call("DescribeModel", "modelName", "sub/m", "subtype", "x").json);
        assertEquals("the library service agrees", "sub/m.safetensors", library.find("Stable-Diffusion", "sub/m").orElseThrow().name);
    }

    @Test
    public void severalRootsMerge() throws Exception {
        java.nio.file.Path second = Files.createDirectories(root.resolveSibling("SecondRoot"));
        ModelFiles.write(sd("same.safetensors"), Map.of("modelspec.title", "First"), ModelFiles.SD1);
        ModelFiles.write(second.resolve("Stable-Diffusion/same.safetensors"), Map.of("modelspec.title", "Second"), ModelFiles.SD1);
        ModelFiles.write(second.resolve("Stable-Diffusion/only-second.safetensors"), Map.of(), ModelFiles.SD1);
        useTestFolders();
        settings.change(Map.of("paths.modelroot", root + ";" + second));
        Api.Reply r = call("ListModels", "path", "", "depth", 1);
        assertEquals(List.of("only-second.safetensors", "same.safetensors"), names(r));
        assertEquals("the first root wins a name", "First", file(r, "same.safetensors").get("title"));
    }

    @Test
    public void blacklistedModelsAreInvisible() throws Exception {
        ModelFiles.write(sd("secret/hidden.safetensors"), Map.of(), ModelFiles.SD1);
        ModelFiles.write(sd("open.safetensors"), Map.of(), ModelFiles.SD1);
        useTestFolders();
        RoleInfo owner = roles.find(RoleStore.OWNER).orElseThrow();
        roles.save(owner.withModelBlacklist(List.of("secret/")));
        try {
            Api.Reply r = call("ListModels", "path", "", "depth", 5);
            assertEquals(List.of("open.safetensors"), names(r));
            assertEquals(List.of(), r.get("folders"));
            assertEquals(Map.of("error", "Model not found."), call("DescribeModel", "modelName", "secret/hidden").json);
            HttpResponse<byte[]> img = get("/ViewSpecial/Stable-Diffusion/secret/hidden.safetensors");
            assertEquals(404, img.statusCode());
            Map<String, Object> notFound = Map.of("error", "Model not found.");
            assertEquals(notFound, call("GetModelHash", "modelName", "secret/hidden").json);
            assertEquals(notFound, call("GetModelHeaders", "model", "secret/hidden.safetensors").json);
            assertEquals(notFound, call("EditModelMetadata", "model", "secret/hidden.safetensors", "title", "x", "author", "",
                    "type", "", "description", "", "standard_width", 0, "standard_height", 0, "usage_hint", "", "date", "", "license", "",
                    "trigger_phrase", "", "prediction_type", "", "tags", "").json);
            assertEquals(notFound, call("SelectModel", "model", "secret/hidden.safetensors").json);
            assertEquals(notFound, call("DeleteModel", "modelName", "secret/hidden.safetensors").json);
            assertEquals(notFound, call("RenameModel", "oldName", "secret/hidden.safetensors", "newName", "out").json);
            assertEquals(Map.of("error", "Model new name is not valid."),
                    call("RenameModel", "oldName", "open.safetensors", "newName", "secret/taken").json);
            assertTrue("nothing was changed", Files.isRegularFile(sd("secret/hidden.safetensors")) && Files.isRegularFile(sd("open.safetensors")));
        } finally {
            roles.save(owner);
        }
    }

    @Test
    public void theCorruptCorpusIsListedWithReasons() throws Exception {
        ModelFiles.write(sd("good.safetensors"), Map.of(), ModelFiles.SD1);
        Files.write(sd("short.safetensors"), new byte[] {1, 2, 3});
        ModelFiles.raw(sd("truncated.safetensors"), 5000, "{\"a\":");
        ModelFiles.raw(sd("huge-header.safetensors"), 200L * 1024 * 1024, "{}");
        ModelFiles.raw(sd("not-json.safetensors"), 9, "not json!");
        Files.createDirectories(sd("loop"));
        Files.createSymbolicLink(sd("loop/back"), sd(""));
        Files.createSymbolicLink(sd("dangling.safetensors"), root.resolve("nowhere"));
        useTestFolders();
        Api.Reply r = call("ListModels", "path", "", "depth", 20);
        assertEquals(List.of("good.safetensors", "huge-header.safetensors", "not-json.safetensors", "short.safetensors",
                "truncated.safetensors"), names(r));
        assertTrue(String.valueOf(file(r, "truncated.safetensors").get("description")).contains("truncated"));
        assertTrue(String.valueOf(file(r, "huge-header.safetensors").get("description")).contains("larger than the limit"));
        assertTrue(String.valueOf(file(r, "not-json.safetensors").get("description")).contains("not a JSON object"));
        assertNull(file(r, "short.safetensors").get("architecture"));
        assertEquals("stable-diffusion-v1", file(r, "good.safetensors").get("architecture"));
        assertFalse(Optional.ofNullable(api().post("GetNewSession", Map.of()).get("session_id")).isEmpty());
    }
}
