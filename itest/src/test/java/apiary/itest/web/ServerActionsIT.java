package apiary.itest.web;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
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
 * More of what the pages do, in real Chromium: a job cancelled from the Jobs page, a theme chosen and kept, a user
 * added and given a role, a role's permissions, description and fair-queue limits edited, a role added and deleted,
 * a server setting saved, backends restarted and their memory freed; an extension updated and uninstalled live, its
 * permission then shown dormant ("(not installed)") in the role editor.
 */
public class ServerActionsIT {
    private static UiServer server;

    @BeforeClass
    public static void start() throws Exception {
        server = UiServer.start("web-actions", Map.of("LatencyMs", 1500, "Models", "alpha.safetensors"));
    }

    @AfterClass
    public static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static Map<?, ?> job(long id) {
        return server.jobs().stream().map(j -> (Map<?, ?>) j).filter(j -> ((Number) j.get("job_id")).longValue() == id)
                .findFirst().orElse(null);
    }

    private static Map<?, ?> role(String id) {
        return (Map<?, ?>) ((Map<?, ?>) server.call("AdminListRoles", Map.of()).get("roles")).get(id);
    }

    @Test
    public void aJobIsCancelledFromTheJobsPage() throws Exception {
        Thread t = new Thread(() -> server.call("GenerateText2Image", Map.of("images", 6, "prompt", "cancel me",
                "model", "alpha.safetensors")));
        t.setDaemon(true);
        t.start();
        try (Browser b = Browser.start()) {
            b.open(server.url("Text2Image#jobs"));
            b.ready();
            WebElement row = b.visible(By.cssSelector("#jobs-body tr[data-state='running'], #jobs-body tr[data-state='queued']"));
            long id = Long.parseLong(row.getAttribute("data-job"));
            b.screenshot("jobs-page");
            row.findElement(By.cssSelector("button.danger")).click();
            b.until(d -> {
                Map<?, ?> j = job(id);
                return j != null && !"running".equals(j.get("state")) && !"queued".equals(j.get("state"));
            });
            assertTrue("stopped before its last image: " + job(id), ((Number) job(id).get("images_done")).intValue() < 6);
            b.until(d -> d.findElements(By.cssSelector("#jobs-body tr[data-job='" + id + "'] button.danger")).isEmpty());
            assertEquals(List.of(), b.consoleErrors());
        }
    }

    @Test
    public void aThemeIsChosenAppliedAndKept() throws Exception {
        try (Browser b = Browser.start()) {
            b.open(server.url("Text2Image"));
            b.ready();
            new Select(b.visible(By.id("theme"))).selectByValue("modern_light");
            b.until(d -> "#f4f5f7".equals(b.script("return getComputedStyle(document.documentElement).getPropertyValue('--bg').trim()")));
            b.screenshot("theme-modern-light");
            b.until(d -> "modern_light".equals(((Map<?, ?>) ((Map<?, ?>) server.call("GetUserSettings", Map.of())
                    .get("settings")).get("theme")).get("value")));
            b.driver().navigate().refresh();
            b.ready();
            b.until(d -> "#f4f5f7".equals(b.script("return getComputedStyle(document.documentElement).getPropertyValue('--bg').trim()")));
            new Select(b.visible(By.id("theme"))).selectByValue("modern_dark");
            b.until(d -> "modern_dark".equals(((Map<?, ?>) ((Map<?, ?>) server.call("GetUserSettings", Map.of())
                    .get("settings")).get("theme")).get("value")));
            assertEquals(List.of(), b.consoleErrors());
        }
    }

    @Test
    public void aUserIsAddedAndGivenARoleAndASettingIsSaved() throws Exception {
        try (Browser b = Browser.start()) {
            b.open(server.url("Text2Image#users"));
            b.ready();
            b.visible(By.id("new-user-name")).sendKeys("carol");
            b.visible(By.id("new-user-password")).sendKeys("carol-password-1");
            new Select(b.visible(By.id("new-user-role"))).selectByValue("user");
            b.visible(By.cssSelector("#add-user-form button[type=submit]")).click();
            b.until(d -> ((List<?>) server.call("AdminListUsers", Map.of()).get("users")).contains("carol"));
            new Select(b.visible(By.id("user-role-carol"))).selectByValue("poweruser");
            b.until(d -> String.valueOf(((Map<?, ?>) ((Map<?, ?>) server.call("AdminGetUserInfo", Map.of("name", "carol"))
                    .get("settings")).get("roles")).get("value")).contains("poweruser"));
            b.screenshot("users-page");

            // Role editing: a permission toggled, the description and Apiary's fair-queue limits changed and saved.
            b.visible(By.cssSelector("#role-poweruser > summary")).click();
            WebElement star = b.visible(By.id("role-poweruser-perm-user_star_images"));
            boolean had = star.isSelected();
            star.click();
            WebElement description = b.visible(By.id("role-description-poweruser"));
            description.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Edited in the browser");
            WebElement queued = b.visible(By.id("role-queued-poweruser"));
            queued.sendKeys(Keys.chord(Keys.CONTROL, "a"), "7");
            WebElement weight = b.visible(By.id("role-weight-poweruser"));
            weight.sendKeys(Keys.chord(Keys.CONTROL, "a"), "2.5");
            b.screenshot("users-role-editing");
            b.visible(By.id("role-save-poweruser")).click();
            b.until(d -> "Edited in the browser".equals(role("poweruser").get("description"))
                    && ((Number) role("poweruser").get("max_queued_images")).intValue() == 7);
            Map<?, ?> edited = role("poweruser");
            assertEquals("the permission was toggled: " + edited, !had, ((List<?>) edited.get("permissions")).contains("user_star_images"));
            assertEquals(2.5, ((Number) edited.get("scheduling_weight")).doubleValue(), 1e-9);
            b.until(d -> d.findElement(By.cssSelector("#role-poweruser > summary")).getText()
                    .contains("(" + ((List<?>) edited.get("permissions")).size() + " permissions)"));
            // A new role (the form sent with Enter), then deleted again.
            b.visible(By.id("new-role-name")).sendKeys("artists", Keys.ENTER);
            b.visible(By.cssSelector("#role-artists > summary")).click();
            assertTrue(role("artists") != null);
            b.visible(By.id("role-delete-artists")).click();
            b.until(d -> role("artists") == null && d.findElements(By.id("role-artists")).isEmpty());

            b.open(server.url("Text2Image#settings"));
            b.ready();
            WebElement notice = b.visible(By.id("setting-userauthorization-loginnotice"));
            notice.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Welcome from the browser test", Keys.TAB);
            b.visible(By.id("server-settings-save")).click();
            b.until(d -> String.valueOf(server.call("ListServerSettings", Map.of()).json).contains("Welcome from the browser test"));

            b.open(server.url("Text2Image#backends"));
            b.ready();
            b.visible(By.id("backend-free")).click();
            b.visible(By.id("backend-restart-all")).click();
            b.until(d -> d.findElements(By.cssSelector("#backend-list .card[data-status='running']")).size() == 1);
            assertTrue(b.driver().findElements(By.cssSelector(".toast:not(.hidden)")).stream()
                    .noneMatch(t -> t.getText().toLowerCase().contains("error")));
            assertEquals(List.of(), b.consoleErrors());
        }
    }

    @Test
    public void anInstalledExtensionIsUpdatedLiveFromTheExtensionsPage() throws Exception {
        try (Browser b = Browser.start()) {
            b.open(server.url("Text2Image#extensions"));
            b.ready();
            b.click(By.id("ext-install-hello"));
            b.until(d -> !d.findElements(By.cssSelector("#ext-installed tr[data-extension='hello'][data-state='active']")).isEmpty());
            Path updates = Path.of(System.getProperty("apiary.itest.extRepo")).resolve("repository-updates/index.xml");
            Path dist = Path.of(System.getProperty("apiary.itest.distribution")).resolve("repository/index.xml");
            Object changed = server.call("ChangeServerSettings", Map.of("settings", Map.of("extensions.repositories",
                    List.of(dist.toUri().toString(), updates.toUri().toString())))).json;
            assertEquals(changed.toString(), true, ((Map<?, ?>) changed).get("success"));
            b.driver().navigate().refresh();
            b.ready();
            b.click(By.id("ext-check"));
            b.click(By.id("ext-update-hello"));
            b.until(d -> d.findElements(By.id("ext-update-hello")).isEmpty()
                    && d.findElement(By.cssSelector("#ext-installed tr[data-extension='hello']")).getText().contains("1.1.0"));
            assertEquals(Map.of("greeting", "Hello, Ann!"), server.call("Hello", Map.of("name", "Ann")).json);
            b.screenshot("extensions-updated");
            b.click(By.id("ext-uninstall-hello"));
            b.until(d -> d.findElements(By.cssSelector("#ext-installed tr[data-extension='hello']")).isEmpty());

            // Its permission (granted to users by its default level) stays on the role, dormant: the role editor
            // lists it checked and marked, so that saving the role does not drop it unseen.
            assertTrue(String.valueOf(role("user")), ((List<?>) role("user").get("permissions")).contains("hello_use"));
            b.open(server.url("Text2Image#users"));
            b.ready();
            b.visible(By.cssSelector("#role-user > summary")).click();
            assertTrue("still checked", b.visible(By.id("role-user-perm-hello_use")).isSelected());
            assertTrue(b.visible(By.cssSelector("label[for='role-user-perm-hello_use']")).getText().endsWith("(not installed)"));
            assertEquals(List.of(), b.consoleErrors());
        }
    }
}
