package apiary.itest.models;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.inject.Inject;

import apiary.core.api.model.WildcardLibrary;

import org.junit.Test;

/** EditWildcard, DeleteWildcard, wildcards in ListModels/DescribeModel, TestPromptFill and seeded filling. */
public class WildcardIT extends ModelsTestSupport {
    private static final String PNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    @Inject
    private WildcardLibrary wildcards;

    @Test
    public void editListDescribeFillDelete() throws Exception {
        useTestFolders();
        assertEquals(Map.of("success", true), call("EditWildcard", "card", "animals/pets", "options", "cat\ndog # loyal\n\n#only a comment\n",
                "preview_image", PNG).json);
        assertTrue(Files.exists(wildcardFolder.resolve("animals/pets.txt")));
        byte[] jpg = Files.readAllBytes(wildcardFolder.resolve("animals/pets.jpg"));
        assertEquals("the preview is stored as JPEG", (byte) 0xFF, jpg[0]);
        assertEquals(Map.of("success", true), call("EditWildcard", "card", "colors", "options", "red\nblue").json);

        var list = call("ListModels", "path", "", "depth", 2, "subtype", "Wildcards");
        assertEquals(List.of("animals/pets", "colors"), names(list));
        assertEquals(List.of("animals"), list.get("folders"));
        Map<String, Object> pets = file(list, "animals/pets");
        assertTrue(String.valueOf(pets.get("image")).startsWith("/ViewSpecial/Wildcards/animals/pets"));
        assertEquals(200, get(String.valueOf(pets.get("image"))).statusCode());
        assertEquals("imgs/model_placeholder.jpg", file(list, "colors").get("image"));

        var described = call("DescribeModel", "modelName", "ANIMALS/PETS", "subtype", "Wildcards");
        assertEquals("animals/pets", described.get("name"));
        assertTrue(String.valueOf(described.get("raw")).contains("dog # loyal"));
        assertTrue(String.valueOf(described.get("image")).startsWith("data:image/jpeg;base64,"));

        assertEquals(List.of("cat", "dog"), wildcards.options("animals/pets").orElseThrow());
        assertEquals(List.of("animals/pets", "colors"), wildcards.names());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            String result = (String) call("TestPromptFill", "prompt", "a <wildcard:pets> that is <random:red,blue>").get("result");
            assertTrue(result, result.matches("a (cat|dog) that is (red|blue)"));
            seen.add(result);
        }
        assertTrue("random seeds give varied fills: " + seen, seen.size() > 1);
        String seeded = wildcards.fill("<wc:colors> <wc:pets>", 99).text();
        assertEquals("a seed reproduces the prompt", seeded, wildcards.fill("<wc:colors> <wc:pets>", 99).text());
        assertEquals(List.of("colors", "animals/pets"), wildcards.fill("<wc:colors> <wc:pets>", 99).usedWildcards());

        assertEquals(Map.of("success", true), call("DeleteWildcard", "card", "animals/pets").json);
        assertFalse(Files.exists(wildcardFolder.resolve("animals/pets.txt")));
        assertFalse(Files.exists(wildcardFolder.resolve("animals/pets.jpg")));
        assertEquals(Map.of("error", "Model not found."), call("DeleteWildcard", "card", "animals/pets").json);
        assertEquals(List.of("colors"), names(call("ListModels", "path", "", "depth", 2, "subtype", "Wildcards")));
    }

    @Test
    public void traversalAndBadPreviewsAreRefused() throws Exception {
        useTestFolders();
        for (String bad : List.of("../escape", "/etc/x", "a\\b", ".hidden")) {
            String error = (String) call("EditWildcard", "card", bad, "options", "x").get("error");
            assertTrue(bad + ": " + error, error.startsWith("Invalid name"));
            assertTrue(String.valueOf(call("DeleteWildcard", "card", bad).get("error")).startsWith("Invalid name"));
        }
        assertEquals("Invalid preview image: must be a base64 image data URL.",
                call("EditWildcard", "card", "x", "options", "x", "preview_image", "data:text/plain;base64,eA==").get("error"));
        assertFalse(Files.exists(wildcardFolder.resolve("x.txt")));
        assertFalse(Files.exists(wildcardFolder.getParent().resolve("escape.txt")));
    }
}
