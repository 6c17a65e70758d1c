package apiary.web.ui.internal.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import apiary.core.api.model.KnownModelDTO;

import org.junit.jupiter.api.Test;

class ModelChoicesTest {
    private static KnownModelDTO model(String id, String name, String description) {
        KnownModelDTO m = new KnownModelDTO();
        m.id = id;
        m.name = name;
        m.description = description;
        return m;
    }

    @Test
    void everyCatalogueModelIsACheckboxNamedByItsId() {
        String html = ModelChoices.html(List.of(model("sd15", "Stable Diffusion v1.5", "From 2022."),
                model("fluxschnell", "Flux.1-Schnell", "")));
        assertTrue(html.contains("<input type=\"checkbox\" id=\"install-model-sd15\" value=\"sd15\">"), html);
        assertTrue(html.contains("<label for=\"install-model-sd15\" style=\"margin:0\"><b>Stable Diffusion v1.5</b>"), html);
        assertTrue(html.contains("value=\"fluxschnell\""), html);
        assertEquals(2, html.split("type=\"checkbox\"", -1).length - 1);
    }

    @Test
    void textFromTheCatalogueCannotInjectMarkup() {
        String html = ModelChoices.html(List.of(model("x\"><script>", "<img src=x onerror=alert(1)>", "a & 'b'")));
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("<img"), html);
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"), html);
        assertTrue(html.contains("a &amp; &#39;b&#39;"), html);
    }

    @Test
    void withoutDownloadsOrModelsNothingIsOffered() {
        assertEquals(ModelChoices.NONE_AVAILABLE, ModelChoices.html(null));
        assertEquals(ModelChoices.NONE_AVAILABLE, ModelChoices.html(List.of()));
    }
}
