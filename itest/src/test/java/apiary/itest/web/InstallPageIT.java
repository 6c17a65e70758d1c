package apiary.itest.web;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The first-run page in real Chromium on a fresh server: the main page points the owner to it; it offers the starter
 * models of the models bundle's catalogue (offline, a chosen one fails with its reason and changes nothing); it
 * drives InstallConfirmWS (its messages and progress show), then forwards to the main page; once installed,
 * /Install forwards at once and the notice is gone.
 */
public class InstallPageIT {
    private static UiServer server;

    @BeforeClass
    public static void start() throws Exception {
        server = UiServer.start("web-install", null);
    }

    @AfterClass
    public static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static boolean resolves(String host) {
        try {
            InetAddress.getByName(host);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Test
    public void theInstallerRunsFromTheBrowserAndIsThenOutOfTheWay() throws Exception {
        try (Browser b = Browser.start()) {
            b.open(server.url("Text2Image"));
            b.ready();
            b.visible(By.cssSelector("#install-notice a")).click();
            b.until(d -> d.getCurrentUrl().endsWith("/Install"));
            new Select(b.visible(By.id("install-theme"))).selectByValue("modern_light");
            new Select(b.visible(By.id("install-backend"))).selectByValue("none");
            // The models bundle's starter models are offered, one checkbox each, by the ids InstallConfirmWS takes.
            List<String> offered = b.driver().findElements(By.cssSelector("#install-models input[type=checkbox]")).stream()
                    .map(e -> e.getAttribute("value")).toList();
            assertTrue(offered.toString(), offered.containsAll(List.of("sd15", "sdxl1", "fluxschnell")));
            assertTrue(b.visible(By.cssSelector("label[for=install-model-sdxl1]")).getText().contains("Stable Diffusion XL 1.0"));
            b.screenshot("install-page");
            if (!resolves("huggingface.co")) {
                // Offline, a chosen model's download fails with its reason, nothing is installed, and the form stays.
                b.visible(By.id("install-model-sd15")).click();
                b.visible(By.id("install-submit")).click();
                b.until(d -> d.findElement(By.id("install-log")).getText().contains("Failed to download model 'sd15'"));
                b.until(d -> d.findElement(By.id("install-submit")).isEnabled());
                assertTrue(b.driver().getCurrentUrl().endsWith("/Install"));
                b.screenshot("install-download-failed");
                b.visible(By.id("install-model-sd15")).click();
            }
            b.visible(By.id("install-submit")).click();
            b.until(d -> d.findElement(By.id("install-log")).getText().contains("Not installing any backend."));
            b.until(d -> d.getCurrentUrl().contains("/Text2Image"));
            b.ready();
            assertTrue("no more notice once installed", b.driver().findElements(By.id("install-notice")).isEmpty());
            b.open(server.url("Install"));
            b.until(d -> d.getCurrentUrl().contains("/Text2Image"));
            assertEquals(List.of(), b.consoleErrors());
        }
    }
}
