package apiary.itest.web;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;

/**
 * Login-required mode in real Chromium: the page sends a visitor to the login page; a wrong password is refused;
 * a normal user sees the Generate, History and Jobs pages but none of the admin pages (no tab, and the address of
 * one shows the Generate page); an owner sees them all.
 */
public class LoginModeIT {
    private static UiServer server;

    @BeforeClass
    public static void start() throws Exception {
        server = UiServer.start("web-login", null);
        addUser("bob", "bob-password-1", "user");
        addUser("boss", "boss-password-1", "owner");
        Object changed = server.call("ChangeServerSettings", Map.of("settings", Map.of(
                "userauthorization.authorizationrequired", true, "userauthorization.allowlocalhostbypass", false))).json;
        assertEquals(changed.toString(), true, ((Map<?, ?>) changed).get("success"));
    }

    @AfterClass
    public static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static void addUser(String name, String password, String role) throws Exception {
        Object reply = server.call("AdminAddUser", Map.of("name", name, "password", prehash(name, password), "role", role)).json;
        assertEquals(reply.toString(), true, ((Map<?, ?>) reply).get("success"));
    }

    /** SwarmUI's client-side prehash, as the page computes it. */
    private static String prehash(String user, String password) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest(("swarmclientpw:" + user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }

    private static void logIn(Browser b, String user, String password) {
        b.visible(By.id("username")).sendKeys(user);
        b.visible(By.id("password")).sendKeys(password);
        b.visible(By.id("login-submit")).click();
    }

    private static boolean hasTab(Browser b, String page) {
        return !b.driver().findElements(By.id("tab-" + page)).isEmpty();
    }

    @Test
    public void aNormalUserLogsInAndSeesNoAdminPages() throws Exception {
        try (Browser b = Browser.start()) {
            b.open(server.url("Text2Image"));
            b.until(d -> d.getCurrentUrl().endsWith("/Login"));
            b.visible(By.id("login-form"));
            b.screenshot("login-page");

            logIn(b, "bob", "wrong-password");
            b.until(d -> !d.findElement(By.id("login-error")).getText().isBlank());
            assertTrue(b.driver().getCurrentUrl().endsWith("/Login"));
            b.driver().findElement(By.id("username")).clear();
            b.driver().findElement(By.id("password")).clear();
            logIn(b, "bob", "bob-password-1");
            b.until(d -> d.getCurrentUrl().contains("/Text2Image"));
            b.ready();
            assertEquals("bob", b.visible(By.id("username")).getText());
            for (String page : List.of("generate", "history", "jobs")) {
                assertTrue(page, hasTab(b, page));
            }
            for (String page : List.of("backends", "settings", "logs", "users", "extensions", "resources")) {
                assertTrue("no " + page + " tab for a normal user", !hasTab(b, page));
            }
            b.screenshot("login-normal-user");
            b.open(server.url("Text2Image#users"));
            b.ready();
            b.visible(By.id("page-generate"));
            assertTrue(b.driver().findElements(By.id("page-users")).isEmpty());
            assertEquals(List.of(), b.consoleErrors().stream().filter(e -> !e.contains("/API/Login")).toList());

            b.visible(By.id("logout")).click();
            b.until(d -> d.getCurrentUrl().endsWith("/Login"));
            logIn(b, "boss", "boss-password-1");
            b.until(d -> d.getCurrentUrl().contains("/Text2Image"));
            b.ready();
            for (String page : List.of("backends", "settings", "logs", "users", "extensions", "resources")) {
                assertTrue("the owner has the " + page + " tab", hasTab(b, page));
            }
        }
    }
}
