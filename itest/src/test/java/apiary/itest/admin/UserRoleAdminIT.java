package apiary.itest.admin;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.After;
import org.junit.Test;

/** The user and role admin routes on the real account services, success and error paths. */
public class UserRoleAdminIT extends AdminTestSupport {
    private static final String PW = "admin-it-password";

    @After
    public void cleanUp() {
        for (String u : List.of("itanna", "itbob")) {
            api.call(session, "AdminDeleteUser", Map.of("name", u));
        }
        api.call(session, "AdminDeleteRole", Map.of("name", "itpainters"));
    }

    @Test
    public void usersAreCreatedListedInspectedChangedAndDeleted() {
        assertEquals(Map.of("success", true), call("AdminAddUser", Map.of("name", "IT.Anna", "password", PW, "role", "user")));
        assertTrue(((List<?>) call("AdminListUsers", Map.of()).get("users")).contains("itanna"));
        assertFalse(((List<?>) call("AdminListUsers", Map.of()).get("users")).stream().anyMatch(u -> ((String) u).startsWith("__")));
        Map<String, Object> info = call("AdminGetUserInfo", Map.of("name", "itanna"));
        assertEquals("itanna", info.get("user_id"));
        assertEquals(true, info.get("password_set_by_admin"));
        assertTrue(((Map<?, ?>) info.get("settings")).containsKey("roles"));
        assertTrue(((Number) info.get("max_t2i")).intValue() >= 1);

        assertEquals(Map.of("success", true), call("AdminChangeUserSettings", Map.of("name", "itanna", "settings", Map.of("roles", List.of("user", "poweruser")))));
        assertTrue(((Map<?, ?>) ((Map<?, ?>) call("AdminGetUserInfo", Map.of("name", "itanna")).get("settings")).get("roles")).get("value").toString().contains("poweruser"));
        assertEquals(Map.of("success", true), call("AdminSetUserPassword", Map.of("name", "itanna", "password", "another-password")));

        assertEquals("Username must be at least 3 characters long, A-Z 0-9 only.", error("AdminAddUser", Map.of("name", "a!", "password", PW, "role", "user")));
        assertEquals("Password must be at least 8 characters long.", error("AdminAddUser", Map.of("name", "itbob", "password", "short", "role", "user")));
        assertEquals("Username or password too long.", error("AdminAddUser", Map.of("name", "b".repeat(71), "password", PW, "role", "user")));
        assertEquals("A user by that name already exists, or registration failed.", error("AdminAddUser", Map.of("name", "ITANNA", "password", PW, "role", "user")));
        assertEquals("No role by that name exists.", error("AdminAddUser", Map.of("name", "itbob", "password", PW, "role", "nosuchrole")));
        assertEquals("Password must be at least 8 characters long.", error("AdminSetUserPassword", Map.of("name", "itanna", "password", "")));
        assertEquals("Password too long.", error("AdminSetUserPassword", Map.of("name", "itanna", "password", "p".repeat(501))));
        assertEquals("No user by that name exists.", error("AdminGetUserInfo", Map.of("name", "nobody-here")));
        assertEquals("No user by that name exists.", error("AdminSetUserPassword", Map.of("name", "nobody-here", "password", PW)));
        assertEquals("Missing or invalid 'settings': must be a JSON object.", error("AdminChangeUserSettings", Map.of("name", "itanna")));
        assertEquals("Missing required parameter 'role'", error("AdminAddUser", Map.of("name", "itbob", "password", PW)));
        assertEquals("You may not delete yourself.", error("AdminDeleteUser", Map.of("name", "local")));

        assertEquals(Map.of("success", true), call("AdminDeleteUser", Map.of("name", "itanna")));
        assertEquals("No user by that name exists.", error("AdminDeleteUser", Map.of("name", "itanna")));
        assertFalse(((List<?>) call("AdminListUsers", Map.of()).get("users")).contains("itanna"));
    }

    @Test
    public void rolesAreCreatedEditedListedAndDeletedUnderOneId() {
        assertEquals(Map.of("success", true), call("AdminAddRole", Map.of("name", "IT Painters")));
        Map<?, ?> roles = (Map<?, ?>) call("AdminListRoles", Map.of()).get("roles");
        Map<?, ?> painters = (Map<?, ?>) roles.get("itpainters");
        assertEquals("IT Painters", painters.get("name"));
        assertEquals(false, painters.get("is_auto_generated"));
        assertEquals(true, ((Map<?, ?>) roles.get("owner")).get("is_auto_generated"));

        Map<String, Object> edit = new java.util.LinkedHashMap<>(Map.of("name", "itpainters", "description", "Paints.", "max_outpath_depth", 3,
                "max_t2i_simultaneous", 2, "allow_unsafe_outpaths", false, "model_whitelist", "art/, sketches/", "model_blacklist", "",
                "permissions", "fundamental, basic_image_generation"));
        assertEquals(Map.of("success", true), call("AdminEditRole", edit));
        painters = (Map<?, ?>) ((Map<?, ?>) call("AdminListRoles", Map.of()).get("roles")).get("itpainters");
        assertEquals("Paints.", painters.get("description"));
        assertEquals(3, painters.get("max_outpath_depth"));
        assertEquals(List.of("art/", "sketches/"), painters.get("model_whitelist"));
        assertEquals(List.of("fundamental", "basic_image_generation"), painters.get("permissions"));

        edit.put("permissions", "fundamental, not_a_permission");
        assertEquals("Unknown permission 'not_a_permission'.", error("AdminEditRole", edit));
        edit.put("max_t2i_simultaneous", "many");
        assertEquals("Invalid value 'many' for parameter 'max_t2i_simultaneous', must be type 'Int32'", error("AdminEditRole", edit));
        edit.put("name", "ghosts");
        edit.put("max_t2i_simultaneous", 2);
        assertEquals("No role by that name exists.", error("AdminEditRole", edit));

        assertEquals("Role name must be at least 3 characters long, A-Z 0-9 only.", error("AdminAddRole", Map.of("name", "a b")));
        assertEquals("A role by that name already exists.", error("AdminAddRole", Map.of("name", "itpainters")));
        assertEquals("That role is an auto-generated core role and cannot be deleted.", error("AdminDeleteRole", Map.of("name", "user")));
        assertEquals(Map.of("success", true), call("AdminDeleteRole", Map.of("name", "itpainters")));
        assertEquals("No role by that name exists.", error("AdminDeleteRole", Map.of("name", "itpainters")));

        Map<String, Object> perms = call("AdminListPermissions", Map.of());
        List<?> ordered = (List<?>) perms.get("ordered");
        assertEquals("*", ordered.get(0));
        Map<?, ?> shutdown = (Map<?, ?>) ((Map<?, ?>) perms.get("permissions")).get("shutdown");
        assertEquals(Map.of("name", "Shutdown Server", "description", shutdown.get("description"), "default", "NOBODY",
                "group", Map.of("name", "Admin", "description", "Dangerous admin-level permissions."), "safety_level", "SAFE"),
                withoutNull(shutdown));
    }

    @Test
    public void roleEditsReachLoggedInUsersAtOnce() {
        call("AdminAddRole", Map.of("name", "itpainters"));
        call("AdminAddUser", Map.of("name", "itbob", "password", PW, "role", "itpainters"));
        assertEquals(32, call("AdminGetUserInfo", Map.of("name", "itbob")).get("max_t2i"));
        Map<String, Object> edit = new java.util.LinkedHashMap<>(Map.of("name", "itpainters", "description", "", "max_outpath_depth", 5,
                "max_t2i_simultaneous", 7, "allow_unsafe_outpaths", false, "model_whitelist", "", "model_blacklist", "", "permissions", ""));
        call("AdminEditRole", edit);
        assertEquals(7, call("AdminGetUserInfo", Map.of("name", "itbob")).get("max_t2i"));
    }

    private static Map<?, ?> withoutNull(Map<?, ?> m) {
        Map<Object, Object> out = new java.util.LinkedHashMap<>(m);
        out.values().removeIf(v -> v == null);
        return out;
    }

    private Map<String, Object> call(String route, Map<String, ?> body) {
        return api.call(session, route, body).json;
    }

    private String error(String route, Map<String, ?> body) {
        return (String) call(route, body).get("error");
    }
}
