package apiary.core.models.internal.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class KnownModelsTest {
    @Test
    void theShippedCatalogueIsValid() throws Exception {
        String text;
        try (InputStream in = KnownModels.class.getResourceAsStream("/models/known-models.json")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String id : List.of("sd15", "sd21", "sdxl1", "sdxl1refiner", "sd35large", "fluxschnell", "fluxdev")) {
            assertTrue(text.contains("\"id\": \"" + id + "\""), id);
        }
    }

    @Test
    void badEntriesAreRefused() {
        Map<String, Object> plainHttp = Map.of("id", "x", "name", "X", "url", "http://example.com/x.safetensors",
                "sha256", "e9476a13728cd75d8279f6ec8bad753a66a1957ca375a1464dc63b37db6e3916",
                "subtype", "Stable-Diffusion", "file", "x.safetensors");
        assertThrows(IllegalStateException.class, () -> KnownModels.parse(Map.of("models", List.of(plainHttp))));
        Map<String, Object> escaping = Map.of("id", "x", "name", "X", "url", "https://example.com/x.safetensors",
                "sha256", "e9476a13728cd75d8279f6ec8bad753a66a1957ca375a1464dc63b37db6e3916",
                "subtype", "Stable-Diffusion", "file", "../x.safetensors");
        assertThrows(IllegalStateException.class, () -> KnownModels.parse(Map.of("models", List.of(escaping))));
        assertEquals("x", KnownModels.parse(Map.of("models", List.of(Map.of("id", "x", "name", "X",
                "url", "https://example.com/x.safetensors",
                "sha256", "e9476a13728cd75d8279f6ec8bad753a66a1957ca375a1464dc63b37db6e3916",
                "subtype", "Stable-Diffusion", "file", "x.safetensors")))).find("x").orElseThrow().id);
    }
}
