package apiary.itest.web;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The first-run page in real Chromium on a fresh server: the main page points the owner to it; it drives
 * InstallConfirmWS (its messages and progress show), then forwards to the main page; once installed, /Install
 * forwards at once and the notice is gone.
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

    @Test
    public void theInstallerRunsFromTheBrowserAndIsThenOutOfTheWay() throws Exception {
        try (Browser b = Browser.start()) {
            b.open(server.url("Text2Image"));
            b.ready();
            b.visible(By.cssSelector("#install-notice a")).click();
            b.until(d -> d.getCurrentUrl().endsWith("/Install"));
            new Select(b.visible(By.id("install-theme"))).selectByValue("modern_light");
            new Select(b.visible(By.id("install-backend"))).selectByValue("none");
            b.screenshot("install-page");
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
