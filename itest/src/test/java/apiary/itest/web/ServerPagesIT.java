package apiary.itest.web;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The server pages in real Chromium as the local owner: a backend added and edited through the form generated from
 * its type's schema; an extension installed and uninstalled live with its script and stylesheet appearing in the
 * page (and in the login and first-run pages) and vanishing, and a failed one shown with its reason; and every
 * server page loads without console errors (screenshots of each).
 */
public class ServerPagesIT {
    private static UiServer server;

    @BeforeClass
    public static void start() throws Exception {
        server = UiServer.start("web-server-pages", Map.of("Models", "alpha.safetensors"));
    }

    @AfterClass
    public static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /** Script: the ids (or markup) of the page's controls that have neither a label, an aria-label nor a text. */
    static final String UNLABELLED = "return [...document.querySelectorAll('#page input, #page select, #page textarea, #page button')]"
            + ".filter(e => e.type !== 'hidden' && !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.textContent.trim())"
            + ".map(e => e.id || e.outerHTML.slice(0, 80))";

    private static Map<?, ?> backend(String title) {
        return ((Map<?, ?>) server.call("ListBackends", Map.of()).json).values().stream()
                .filter(v -> v instanceof Map).map(v -> (Map<?, ?>) v).filter(v -> title.equals(v.get("title")))
                .findFirst().orElse(null);
    }

    @Test
    public void aBackendIsAddedAndEditedThroughItsForm() throws Exception {
        try (Browser b = Browser.start()) {
            b.open(server.url("Text2Image#backends"));
            b.ready();
            b.visible(By.cssSelector("#backend-list .card"));
            new Select(b.visible(By.id("backend-type"))).selectByValue("itest_echo_backend");
            b.visible(By.id("backend-add")).click();
            WebElement title = b.visible(By.cssSelector("[id^=backend-title-]"));
            String id = title.getAttribute("id").substring("backend-title-".length());
            title.sendKeys("From the form");
            WebElement latency = b.visible(By.id("backend-setting-LatencyMs"));
            latency.clear();
            latency.sendKeys("250");
            new Select(b.visible(By.id("backend-setting-GenerateMode"))).selectByValue("ok");
            WebElement usages = b.visible(By.id("backend-setting-Limits-MaxUsages"));
            usages.clear();
            usages.sendKeys("2");
            b.screenshot("backends-form");
            b.visible(By.id("backend-save-" + id)).click();
            b.until(d -> backend("From the form") != null);
            Map<?, ?> added = backend("From the form");
            Map<?, ?> settings = (Map<?, ?>) added.get("settings");
            assertEquals(250, ((Number) settings.get("LatencyMs")).intValue());
            assertEquals(2, ((Number) ((Map<?, ?>) settings.get("Limits")).get("MaxUsages")).intValue());
            assertEquals("the secret stays masked and unchanged", "\t<secret>", settings.get("Token"));
            b.until(d -> "running".equals(d.findElement(By.id("backend-" + id)).getAttribute("data-status")));

            b.click(By.id("backend-edit-" + id));
            WebElement edited = b.visible(By.id("backend-setting-LatencyMs"));
            assertEquals("250", edited.getAttribute("value"));
            edited.clear();
            edited.sendKeys("75");
            b.visible(By.id("backend-save-" + id)).click();
            b.until(d -> ((Number) ((Map<?, ?>) backend("From the form").get("settings")).get("LatencyMs")).intValue() == 75);

            b.click(By.id("backend-enabled-" + id));
            b.until(d -> Boolean.FALSE.equals(backend("From the form").get("enabled")));
            b.screenshot("backends-page");
            b.click(By.id("backend-delete-" + id));
            b.until(d -> backend("From the form") == null);
            assertEquals(List.of(), b.consoleErrors());
        }
    }

    private static int status(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    public void anExtensionInstalledLiveBringsItsAssetsAndTakesThemAlongWhenUninstalled() throws Exception {
        try (Browser b = Browser.start()) {
            b.open(server.url("Text2Image#extensions"));
            b.ready();
            b.visible(By.id("ext-install-banner")).click();
            b.until(d -> !d.findElements(By.cssSelector("link[data-extension='banner']")).isEmpty());
            b.until(d -> !d.findElements(By.cssSelector("script[data-extension='banner']")).isEmpty());
            b.until(d -> !d.findElements(By.cssSelector(".apiary-banner")).isEmpty());
            assertEquals("the banner's stylesheet applies", "bold", b.script(
                    "return getComputedStyle(document.querySelector('.apiary-banner')).fontWeight === '700' ? 'bold' : 'not bold'"));
            b.screenshot("extensions-installed");
            assertEquals(200, status(server.url("ExtensionFile/banner/banner.css")));
            // The login and first-run pages load the same assets (this server has not run the installer yet).
            for (String page : List.of("Login", "Install")) {
                b.open(server.url(page));
                b.visible(By.cssSelector(page.equals("Login") ? "#login-form" : "#install-form"));
                b.until(d -> !d.findElements(By.cssSelector("script[data-extension='banner']")).isEmpty());
                b.until(d -> Boolean.TRUE.equals(b.script("const l = document.querySelector(\"link[data-extension='banner']\");"
                        + " return !!(l && l.sheet);")));
            }
            b.open(server.url("Text2Image#extensions"));
            b.ready();

            b.visible(By.id("ext-uninstall-banner")).click();
            b.until(d -> d.findElements(By.cssSelector("link[data-extension='banner'], script[data-extension='banner']")).isEmpty());
            assertEquals(404, status(server.url("ExtensionFile/banner/banner.css")));
            b.driver().navigate().refresh();
            b.ready();
            assertTrue("after a reload the banner is gone", b.driver().findElements(By.cssSelector(".apiary-banner")).isEmpty());
            b.visible(By.id("ext-install-banner"));
            b.screenshot("extensions-page");
            assertEquals(List.of(), b.consoleErrors());

            // A failed extension (its activation throws) is listed once, as failed, with its reason, and can be
            // uninstalled from the page. It is hidden in the testing repository, so it is installed over the API.
            String dist = Path.of(System.getProperty("apiary.itest.distribution")).resolve("repository/index.xml").toUri().toString();
            String testing = Path.of(System.getProperty("apiary.itest.extRepo")).resolve("repository-testing/index.xml").toUri().toString();
            repositories(dist, testing);
            try {
                Object installed = server.call("InstallExtension", Map.of("extensionName", "broken")).json;
                assertTrue(installed.toString(), String.valueOf(((Map<?, ?>) installed).get("error")).contains("was installed but does not work"));
                b.driver().navigate().refresh();
                b.ready();
                WebElement row = b.visible(By.cssSelector("#ext-installed tr[data-extension='broken']"));
                assertEquals("one row", 1, b.driver().findElements(By.cssSelector("#ext-installed tr[data-extension='broken']")).size());
                assertEquals("failed", row.getAttribute("data-state"));
                assertTrue(row.getText(), b.visible(By.id("ext-reason-broken")).getText().contains("always fails to activate"));
                b.screenshot("extensions-failed");
                b.visible(By.id("ext-uninstall-broken")).click();
                b.until(d -> d.findElements(By.cssSelector("#ext-installed tr[data-extension='broken']")).isEmpty());
                assertEquals(List.of(), b.consoleErrors());
            } finally {
                repositories(dist);
            }
        }
    }

    private static void repositories(String... urls) {
        Object changed = server.call("ChangeServerSettings", Map.of("settings", Map.of("extensions.repositories", List.of(urls)))).json;
        assertEquals(changed.toString(), true, ((Map<?, ?>) changed).get("success"));
    }

    @Test
    public void everyServerPageLoadsWithoutConsoleErrors() throws Exception {
        try (Browser b = Browser.start()) {
            List<String> pages = List.of("jobs", "backends", "settings", "logs", "users", "extensions", "resources", "user", "history");
            for (String page : pages) {
                b.open(server.url("Text2Image#" + page));
                b.ready();
                b.visible(By.id("tab-" + page));
                b.until(d -> !d.findElement(By.id("page-" + page)).getText().isBlank());
                b.until(d -> d.findElements(By.cssSelector("#page-" + page + " .error-text")).isEmpty());
                b.screenshot("page-" + page);
                assertEquals(page, List.of(), b.consoleErrors());
                assertEquals("every control of " + page + " has a label", List.of(), b.script(UNLABELLED));
            }
            // At phone width every page fits without sideways scrolling (wide tables scroll inside their card).
            b.driver().manage().window().setSize(new Dimension(390, 844));
            for (String page : pages) {
                b.open(server.url("Text2Image#" + page));
                b.ready();
                b.until(d -> !d.findElement(By.id("page-" + page)).getText().isBlank());
                assertEquals(page + " fits at phone width", Boolean.TRUE,
                        b.script("return document.documentElement.scrollWidth <= window.innerWidth + 1"));
                b.screenshot("phone-" + page);
            }
            b.driver().manage().window().setSize(new Dimension(1280, 800));
            b.open(server.url("Text2Image#logs"));
            b.ready();
            b.until(d -> d.findElements(By.cssSelector("#log-box > div")).size() > 3);
            b.open(server.url("Text2Image#settings"));
            b.ready();
            assertFalse(b.driver().findElements(By.cssSelector("[id^=setting-group-]")).isEmpty());
            b.open(server.url("docs"));
            b.ready();
            b.visible(By.cssSelector("[data-route='/API/GenerateText2Image']"));
            b.visible(By.id("docs-search")).sendKeys("ListBackends");
            b.until(d -> d.findElements(By.cssSelector(".docs-op")).size() >= 1
                    && d.findElements(By.cssSelector(".docs-op[data-route='/API/GenerateText2Image']")).isEmpty());
            b.screenshot("page-docs");
            b.open(server.url("Install"));
            b.visible(By.id("install-submit"));
            b.screenshot("page-install");
            assertEquals(List.of(), b.consoleErrors());
        }
    }
}
