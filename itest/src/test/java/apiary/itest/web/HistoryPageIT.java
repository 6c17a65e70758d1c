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
import org.openqa.selenium.interactions.Actions;

/**
 * The history page in real Chromium: 30 images from the echo backend page by 24, star (a copy under Starred/),
 * folders (Starred and the dated output folder, paged), delete, the full view with its metadata, and "reuse these
 * parameters" back on the Generate page.
 */
public class HistoryPageIT {
    private static UiServer server;

    @BeforeClass
    public static void start() throws Exception {
        server = UiServer.start("web-history", Map.of("Models", "alpha.safetensors"));
        Object reply = server.call("GenerateText2Image", Map.of("images", 30, "prompt", "history cat", "seed", 7,
                "model", "alpha.safetensors", "width", 64, "height", 64)).json;
        assertEquals(reply.toString(), 30, ((List<?>) ((Map<?, ?>) reply).get("images")).size());
    }

    @AfterClass
    public static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static By folderButton(String folder) {
        return By.cssSelector("#history-folders button[data-folder='" + folder + "']");
    }

    private static WebElement folder(Browser b, String folder) {
        return b.visible(folderButton(folder));
    }

    private static int thumbs(Browser b) {
        return b.driver().findElements(By.cssSelector("#history-grid .thumb")).size();
    }

    @Test
    public void historyPagesStarsDeletesAndShowsTheFullImage() throws Exception {
        try (Browser b = Browser.start()) {
            b.open(server.url("Text2Image#history"));
            b.ready();
            b.until(d -> thumbs(b) == 24);
            assertTrue(b.visible(By.id("history-info")).getText().startsWith("30 images"));
            b.until(d -> Boolean.TRUE.equals(b.script("return [...document.querySelectorAll('#history-grid img')]"
                    + ".every(i => i.complete && i.naturalWidth > 0)")));
            assertEquals(List.of(), b.consoleErrors());
            b.screenshot("history-page");

            b.visible(By.id("history-next")).click();
            b.until(d -> thumbs(b) == 6);
            b.visible(By.id("history-prev")).click();
            b.until(d -> thumbs(b) == 24);

            WebElement first = b.driver().findElement(By.cssSelector("#history-grid .thumb"));
            String src = first.getAttribute("data-src");
            first.findElement(By.cssSelector("button.star")).click();
            b.until(d -> "true".equals(d.findElement(By.cssSelector("#history-grid .thumb button.star")).getAttribute("aria-pressed")));
            List<?> starred = (List<?>) server.call("ListImageHistory", Map.of("path", "Starred")).get("files");
            assertEquals("a starred copy: " + starred, 1, starred.size());

            // Folders: choosing one lists it afresh; the starred copy is alone in Starred, the 30 images are in
            // their dated folder under raw/ (SwarmUI's default output path), a page at a time there too.
            folder(b, "").click();
            b.until(d -> !d.findElements(folderButton("Starred")).isEmpty());
            folder(b, "Starred").click();
            b.until(d -> thumbs(b) == 1);
            assertEquals("true", folder(b, "Starred").getAttribute("aria-pressed"));
            assertTrue(b.driver().findElement(By.cssSelector("#history-grid .thumb")).getAttribute("data-src").startsWith("Starred/"));
            assertTrue(b.visible(By.id("history-info")).getText(), b.visible(By.id("history-info")).getText().startsWith("1 images in Starred"));
            b.screenshot("history-folder-starred");
            WebElement dated = b.driver().findElements(By.cssSelector("#history-folders button")).stream()
                    .filter(e -> e.getAttribute("data-folder").matches("raw/\\d{4}-\\d{2}-\\d{2}")).findFirst().orElseThrow();
            String day = dated.getAttribute("data-folder");
            dated.click();
            b.until(d -> thumbs(b) == 24 && d.findElements(By.cssSelector("#history-grid .thumb:not([data-src^='" + day + "/'])")).isEmpty());
            b.visible(By.id("history-next")).click();
            b.until(d -> thumbs(b) == 6);
            b.until(d -> Boolean.TRUE.equals(b.script("return [...document.querySelectorAll('#history-grid img')]"
                    + ".every(i => i.complete && i.naturalWidth > 0)")));
            folder(b, "").click();
            b.until(d -> thumbs(b) == 24 && "true".equals(folder(b, "").getAttribute("aria-pressed")));

            int before = server.historyTotal();
            WebElement last = b.driver().findElements(By.cssSelector("#history-grid .thumb")).get(23);
            String deleted = last.getAttribute("data-src");
            last.findElement(By.cssSelector("button.delete")).click();
            b.until(d -> server.historyTotal() == before - 1);
            b.until(d -> d.findElements(By.cssSelector("#history-grid .thumb[data-src='" + deleted + "']")).isEmpty());

            // The full view opens from the keyboard too (a thumbnail takes the focus; Enter opens it).
            b.script("arguments[0].focus()", b.driver().findElement(By.cssSelector("#history-grid .thumb[data-src='" + src + "'] img")));
            new Actions(b.driver()).sendKeys(Keys.ENTER).perform();
            assertTrue(b.visible(By.id("history-metadata")).getText().contains("history cat"));
            b.screenshot("history-full-view");
            b.visible(By.id("history-reuse")).click();
            b.until(d -> "history cat".equals(d.findElement(By.id("prompt")).getAttribute("value")));
            assertEquals(List.of(), b.consoleErrors());
        }
    }
}
