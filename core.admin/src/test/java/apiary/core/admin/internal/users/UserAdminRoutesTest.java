package apiary.core.admin.internal.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import apiary.core.api.route.ApiError;

import org.junit.jupiter.api.Test;

class UserAdminRoutesTest {
    private final Fakes.Users users = new Fakes.Users();
    private final Fakes.Roles roles = new Fakes.Roles();
    private final UserAdminRoutes routes = new UserAdminRoutes(users, roles);

    private static String error(Runnable call) {
        return assertThrows(ApiError.class, call::run).getMessage();
    }

    @Test
    void addUserCleansTheNameAndValidatesLikeSwarm() {
        assertEquals(Map.of("success", true), routes.AdminAddUser("Jo.Hn-Doe!", "password1", "user"));
        Fakes.Account john = users.accounts.get("johndoe");
        assertEquals(List.of("user"), john.roles);
        assertTrue(john.setByAdmin);
        assertEquals("Username must be at least 3 characters long, A-Z 0-9 only.", error(() -> routes.AdminAddUser("a!b", "password1", "user")));
        assertEquals("Password must be at least 8 characters long.", error(() -> routes.AdminAddUser("anna", "short", "user")));
        assertEquals("Username or password too long.", error(() -> routes.AdminAddUser("a".repeat(71), "password1", "user")));
        assertEquals("Username or password too long.", error(() -> routes.AdminAddUser("anna", "p".repeat(501), "user")));
        assertEquals("A user by that name already exists, or registration failed.", error(() -> routes.AdminAddUser("JOHNDOE", "password1", "user")));
        assertEquals("No role by that name exists.", error(() -> routes.AdminAddUser("anna", "password1", "nosuchrole")));
        assertTrue(error(() -> routes.AdminAddUser("__anna", "password1", "user")).contains("reserved"));
        assertFalse(users.accounts.containsKey("anna"));
    }

    @Test
    void deleteRefusesYourselfAndUnknownUsers() {
        routes.AdminAddUser("admin1", "password1", "admin");
        routes.AdminAddUser("victim", "password1", "user");
        var self = Fakes.sessionOf(users.accounts.get("admin1"));
        assertEquals("You may not delete yourself.", error(() -> routes.AdminDeleteUser(self, "admin1")));
        assertEquals("No user by that name exists.", error(() -> routes.AdminDeleteUser(self, "ghost")));
        assertEquals(Map.of("success", true), routes.AdminDeleteUser(self, "victim"));
        assertEquals(List.of("admin1"), routes.AdminListUsers().get("users"));
    }

    @Test
    void passwordsAreNeverSilentlyCleared() {
        routes.AdminAddUser("anna", "password1", "user");
        assertEquals("Password must be at least 8 characters long.", error(() -> routes.AdminSetUserPassword("anna", "")));
        assertEquals("Password must be at least 8 characters long.", error(() -> routes.AdminSetUserPassword("anna", "        ")));
        assertEquals("Password too long.", error(() -> routes.AdminSetUserPassword("anna", "p".repeat(501))));
        assertEquals("No user by that name exists.", error(() -> routes.AdminSetUserPassword("nobody", "password2")));
        assertEquals("password1", users.accounts.get("anna").password);
        routes.AdminSetUserPassword("anna", "password2");
        assertEquals("password2", users.accounts.get("anna").password);
    }

    @Test
    void infoAndSettings() {
        routes.AdminAddUser("anna", "password1", "user");
        Map<String, Object> info = routes.AdminGetUserInfo("anna");
        assertEquals(List.of("user_id", "password_set_by_admin", "settings", "oauth_email", "max_t2i"), List.copyOf(info.keySet()));
        assertEquals("anna", info.get("user_id"));
        assertEquals(true, info.get("password_set_by_admin"));
        assertEquals(1, info.get("max_t2i"));
        assertEquals(Map.of("success", true), routes.AdminChangeUserSettings("anna", Map.of("name", "anna", "settings", Map.of("roles", "admin"))));
        assertEquals("admin", users.accounts.get("anna").settings.get("roles"));
        assertEquals("Missing or invalid 'settings': must be a JSON object.", error(() -> routes.AdminChangeUserSettings("anna", Map.of())));
        java.util.Map<String, Object> bad = new java.util.HashMap<>();
        bad.put("theme", null);
        assertEquals("Invalid value 'null'.", error(() -> routes.AdminChangeUserSettings("anna", Map.of("settings", bad))));
        assertEquals("No user by that name exists.", error(() -> routes.AdminGetUserInfo("ghost")));
        assertEquals("anna", routes.AdminGetUserInfo("an/na").get("user_id"), "path characters are cleaned away");
    }

    @Test
    void existingNamesAreStrictCleanedNotLowercased() {
        assertEquals("AnNa", Names.existingId("<An.Na>"));
        assertEquals("_", Names.existingId("./:"));
        assertEquals("abc_1", Names.newId("A.b-C_1!"));
        assertEquals(List.of("a", "b c"), Names.commaList(" a ,, b c ,"));
    }
}
