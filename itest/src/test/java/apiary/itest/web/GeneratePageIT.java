package apiary.itest.web;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The Generate page in real Chromium against the real launcher with the echo backend: it loads without console
 * errors, the model picker's search narrows the models, a generation shows progress, live previews and its images,
 * "reuse these parameters" fills the form, a reload reattaches to the running job, presets go round trip, and the
 * page works at phone width.
 */
public class GeneratePageIT {
    private static UiServer server;

    @BeforeClass
    public static void start() throws Exception {
        server = UiServer.start("web-generate", Map.of("LatencyMs", 900, "Previews", 3,
                "Models", "alpha.safetensors,beta.safetensors"));
    }

    @AfterClass
    public static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static void setValue(WebElement input, String value) {
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), value);
    }

    private static Browser openGenerate(Browser b) {
        b.open(server.url("Text2Image"));
        b.ready();
        b.visible(By.cssSelector(".model-card[data-model='alpha.safetensors']"));
        return b;
    }

    private static List<String> shownModels(Browser b) {
        return b.driver().findElements(By.cssSelector("#model-list .model-card")).stream()
                .map(e -> e.getAttribute("data-model")).sorted().toList();
    }

    private static int finals(Browser b) {
        return b.driver().findElements(By.cssSelector("#batch img.final")).size();
    }

    @Test
    public void aGenerationShowsProgressPreviewsAndImagesAndItsParametersCanBeReused() throws Exception {
        try (Browser b = Browser.start()) {
            openGenerate(b);
            assertEquals("no console errors on load", List.of(), b.consoleErrors());
            b.screenshot("generate-page");
            long bytes = ((Number) b.script("return performance.getEntriesByType('navigation').concat("
                    + "performance.getEntriesByType('resource').filter(e => e.initiatorType !== 'img'))"
                    + ".reduce((sum, e) => sum + (e.transferSize || e.encodedBodySize || 0), 0)")).longValue();
            assertTrue("first load transfers " + bytes + " bytes (images excluded), at most 300 KB", bytes <= 300 * 1024);

            // The model picker's search narrows the cards by name; no match says so; clearing shows all again.
            WebElement search = b.visible(By.id("model-search"));
            search.sendKeys("BET");
            b.until(d -> shownModels(b).equals(List.of("beta.safetensors")));
            setValue(search, "no-such-model");
            b.until(d -> shownModels(b).isEmpty() && d.findElement(By.id("model-list")).getText().contains("No model matches."));
            search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
            b.until(d -> shownModels(b).equals(List.of("alpha.safetensors", "beta.safetensors")));
            search.sendKeys("beta");
            b.until(d -> shownModels(b).equals(List.of("beta.safetensors")));
            b.visible(By.cssSelector(".model-card[data-model='beta.safetensors']")).click();
            assertEquals("beta.safetensors", b.visible(By.id("model-current")).getText());
            search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
            b.until(d -> shownModels(b).size() == 2);
            b.visible(By.id("prompt")).sendKeys("a lighthouse at dusk");
            setValue(b.visible(By.id("input-images")), "2");
            b.visible(By.id("generate")).click();

            b.until(d -> !d.findElements(By.cssSelector("#batch img.preview[src^='data:image']")).isEmpty());
            assertTrue("the progress bar shows while it runs", b.driver().findElement(By.id("progress")).isDisplayed());
            b.screenshot("generate-running");
            b.until(d -> finals(b) == 2);
            b.until(d -> Boolean.TRUE.equals(b.script("return [...document.querySelectorAll('#batch img.final')]"
                    + ".every(i => i.complete && i.naturalWidth > 0)")));
            b.until(d -> d.findElement(By.id("current-image")).isDisplayed());
            b.screenshot("generate-done");
            assertEquals("no console errors while generating", List.of(), b.consoleErrors());
            assertTrue("the images are in the history", server.historyTotal() >= 2);

            b.driver().findElements(By.cssSelector("#batch img.final")).get(0).click();
            WebElement reuse = b.visible(By.id("reuse-params"));
            assertTrue(b.visible(By.id("current-metadata")).getText().contains("a lighthouse at dusk"));
            setValue(b.visible(By.id("prompt")), "something else");
            b.visible(By.cssSelector(".model-card[data-model='alpha.safetensors']")).click();
            reuse.click();
            assertEquals("a lighthouse at dusk", b.visible(By.id("prompt")).getAttribute("value"));
            assertEquals("beta.safetensors", b.visible(By.id("model-current")).getText());
        }
    }

    @Test
    public void aReloadReattachesToTheRunningJobWithNoImageLost() throws Exception {
        try (Browser b = Browser.start()) {
            openGenerate(b);
            b.visible(By.id("prompt")).sendKeys("reattach me");
            setValue(b.visible(By.id("input-images")), "4");
            b.visible(By.id("generate")).click();
            b.until(d -> finals(b) >= 1);
            b.driver().navigate().refresh();
            b.ready();
            String job = b.until(d -> d.findElement(By.id("gen-status")).getAttribute("data-reattached"));
            assertTrue("reattached to job " + job, Long.parseLong(job) > 0);
            b.screenshot("generate-reattached");
            b.until(d -> finals(b) == 4);
            b.until(d -> server.jobs().stream().map(j -> (Map<?, ?>) j)
                    .anyMatch(j -> job.equals(String.valueOf(j.get("job_id"))) && "done".equals(j.get("state"))));
            assertEquals(List.of(), b.consoleErrors());
        }
    }

    @Test
    public void interruptStopsThePagesJob() throws Exception {
        try (Browser b = Browser.start()) {
            openGenerate(b);
            setValue(b.visible(By.id("prompt")), "interrupt me");
            setValue(b.visible(By.id("input-images")), "8");
            b.visible(By.id("generate")).click();
            b.until(d -> !d.findElements(By.cssSelector("#batch img")).isEmpty());
            b.visible(By.id("interrupt")).click();
            b.until(d -> "Interrupted.".equals(d.findElement(By.id("gen-status")).getText())
                    || d.findElement(By.id("gen-status")).getText().startsWith("Done"));
            Map<?, ?> job = b.until(d -> server.jobs().stream().map(j -> (Map<?, ?>) j)
                    .filter(j -> !"running".equals(j.get("state")) && !"queued".equals(j.get("state")))
                    .filter(j -> ((Number) j.get("images")).intValue() == 8).findFirst().orElse(null));
            assertTrue("stopped early: " + job, ((Number) job.get("images_done")).intValue() < 8);
            assertEquals(List.of(), b.consoleErrors());
        }
    }

    @Test
    public void aPresetGoesRoundTrip() throws Exception {
        try (Browser b = Browser.start()) {
            openGenerate(b);
            setValue(b.visible(By.id("prompt")), "preset prompt");
            b.visible(By.cssSelector("#group-presets > summary")).click();
            setValue(b.visible(By.id("input-steps")), "33");
            b.visible(By.id("preset-title")).sendKeys("Round trip");
            b.visible(By.id("preset-save")).click();
            b.until(d -> new Select(d.findElement(By.id("preset-select"))).getOptions().stream()
                    .anyMatch(o -> "Round trip".equals(o.getAttribute("value"))));
            Map<?, ?> preset = ((List<?>) server.call("GetMyUserData", Map.of()).get("presets")).stream()
                    .map(p -> (Map<?, ?>) p).filter(p -> "Round trip".equals(p.get("title"))).findFirst().orElseThrow();
            Map<?, ?> params = (Map<?, ?>) preset.get("param_map");
            assertEquals("preset prompt", params.get("prompt"));
            assertEquals("33", String.valueOf(params.get("steps")));

            b.driver().navigate().refresh();
            openGenerate(b);
            setValue(b.visible(By.id("prompt")), "changed");
            setValue(b.visible(By.id("input-steps")), "10");
            b.visible(By.cssSelector("#group-presets > summary")).click();
            new Select(b.visible(By.id("preset-select"))).selectByValue("Round trip");
            b.visible(By.id("preset-apply")).click();
            assertEquals("preset prompt", b.visible(By.id("prompt")).getAttribute("value"));
            assertEquals("33", b.visible(By.id("input-steps")).getAttribute("value"));
            b.screenshot("generate-preset");
        }
    }

    @Test
    public void atPhoneWidthEverythingFitsAndEveryControlHasALabel() throws Exception {
        try (Browser b = Browser.start(390, 844)) {
            openGenerate(b);
            b.screenshot("generate-phone");
            assertEquals("no sideways scrolling at phone width", Boolean.TRUE,
                    b.script("return document.documentElement.scrollWidth <= window.innerWidth + 1"));
            Object unlabelled = b.script("return [...document.querySelectorAll('input, select, textarea, button')]"
                    + ".filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.textContent.trim())"
                    + ".map(e => e.id || e.outerHTML.slice(0, 80))");
            assertEquals("every control has a label", List.of(), unlabelled);
            // Keyboard: Tab from the prompt reaches the Generate button.
            WebElement prompt = b.visible(By.id("prompt"));
            prompt.click();
            boolean reached = false;
            for (int i = 0; i < 6 && !reached; i++) {
                b.driver().switchTo().activeElement().sendKeys(Keys.TAB);
                reached = "generate".equals(b.driver().switchTo().activeElement().getAttribute("id"));
            }
            assertTrue("the Generate button is reachable with Tab", reached);
        }
    }
}
