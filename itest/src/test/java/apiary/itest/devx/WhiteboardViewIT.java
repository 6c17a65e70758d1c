package apiary.itest.devx;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import apiary.core.api.backend.Backend;
import apiary.core.api.backend.BackendContext;
import apiary.core.api.backend.BackendType;
import apiary.core.api.backend.BackendTypeInfo;
import apiary.core.api.permission.PermissionGroup;
import apiary.core.api.permission.PermissionInfo;
import apiary.core.api.permission.PermissionLevel;
import apiary.core.api.permission.PermissionProvider;
import apiary.core.api.settings.ServerSettingsContributor;
import apiary.core.api.settings.SettingDef;
import apiary.core.api.t2i.T2IParam;
import apiary.core.api.t2i.T2IParamProvider;
import apiary.core.api.web.WebFile;
import apiary.core.api.web.WebFileProvider;
import apiary.itest.Api;
import apiary.itest.ApiaryTestSupport;

import org.junit.After;
import org.junit.Test;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

/**
 * AdminListWhiteboards: what every whiteboard serves, shadows and refuses, with the reason; and the handler of each
 * route in AdminListRoutes and /openapi.json.
 */
public class WhiteboardViewIT extends ApiaryTestSupport {
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    @After
    public void unregister() {
        registrations.forEach(ServiceRegistration::unregister);
    }

    /** A backend type whose instances are never started in this test. */
    private static final class Type implements BackendType {
        private final String title;

        Type(String title) {
            this.title = title;
        }

        @Override
        public BackendTypeInfo info() {
            return BackendTypeInfo.of("devx_view_type", title, "Registered by WhiteboardViewIT.", List.of());
        }

        @Override
        public Backend create(BackendContext context) {
            throw new UnsupportedOperationException("never configured in this test");
        }
    }

    @Test
    public void shadowedAndRefusedRegistrationsAreListedWithTheirReasons() {
        register(BackendType.class, new Type("Low"), 0);
        register(BackendType.class, new Type("High"), 10);
        register(BackendType.class, new BackendType() {
            @Override
            public BackendTypeInfo info() {
                throw new IllegalStateException("cannot describe myself");
            }

            @Override
            public Backend create(BackendContext context) {
                throw new UnsupportedOperationException();
            }
        }, 0);
        register(T2IParamProvider.class, (T2IParamProvider) () -> List.of(
                T2IParam.decimal("Devx View Fine", 0.5),
                T2IParam.text("Devx View Locked", "").requiresPermission("devx_nobody_declares_this")), 0);
        PermissionInfo twice = PermissionInfo.of("devx_view_perm", "Devx View", "Declared twice.", PermissionLevel.ADMINS,
                new PermissionGroup("Devx", "WhiteboardViewIT."));
        register(PermissionProvider.class, (PermissionProvider) () -> List.of(twice), 0);
        register(PermissionProvider.class, (PermissionProvider) () -> List.of(twice), 0);
        register(ServerSettingsContributor.class, (ServerSettingsContributor) () -> List.of(
                SettingDef.group("DevxView", "WhiteboardViewIT.", SettingDef.text("Color", "red", "A color."))), 0);
        register(ServerSettingsContributor.class, (ServerSettingsContributor) () -> List.of(
                SettingDef.group("DevxView", "WhiteboardViewIT.", SettingDef.text("Color", "blue", "Again."))), 0);
        Dictionary<String, Object> web = new Hashtable<>(Map.of(WebFileProvider.PREFIX, "/DevxView/"));
        registrations.add(context.registerService(WebFileProvider.class, (path, query, ctx) -> WebFile.of("text/plain", "one".getBytes(), 0), web));
        Dictionary<String, Object> web2 = new Hashtable<>(Map.of(WebFileProvider.PREFIX, "/DevxView/", Constants.SERVICE_RANKING, 5));
        registrations.add(context.registerService(WebFileProvider.class, (path, query, ctx) -> WebFile.of("text/plain", "two".getBytes(), 0), web2));
        Dictionary<String, Object> bad = new Hashtable<>(Map.of(WebFileProvider.PREFIX, "no-slash"));
        registrations.add(context.registerService(WebFileProvider.class, (path, query, ctx) -> WebFile.of("text/plain", "x".getBytes(), 0), bad));

        Api api = api();
        Api.Reply reply = api.call(api.newSession(), "AdminListWhiteboards", Map.of());
        assertEquals(reply.toString(), 200, reply.status);
        Map<?, ?> boards = (Map<?, ?>) reply.get("whiteboards");
        assertTrue(boards.keySet().toString(), boards.keySet().containsAll(
                List.of("permissions", "server_settings", "backend_types", "web_files", "t2i_params", "routes")));

        Map<?, ?> types = (Map<?, ?>) boards.get("backend_types");
        assertEquals("apiary.core.api.backend.BackendType", types.get("service"));
        Map<?, ?> active = one(types, "active", "devx_view_type");
        assertEquals("High", active.get("name"));
        assertEquals(10, active.get("ranking"));
        assertEquals("the test probe registered it", context.getBundle().getSymbolicName(), active.get("bundle"));
        assertTrue(String.valueOf(active.get("implementation")).endsWith("WhiteboardViewIT$Type"));
        Map<?, ?> shadowed = one(types, "shadowed", "devx_view_type");
        assertEquals("Low", shadowed.get("name"));
        assertTrue(String.valueOf(shadowed.get("reason")), String.valueOf(shadowed.get("reason"))
                .contains("shadowed by service " + active.get("service_id")));
        assertTrue(types.toString(), rows(types, "refused").stream()
                .anyMatch(r -> String.valueOf(r.get("reason")).contains("cannot describe myself")));

        Map<?, ?> params = (Map<?, ?>) boards.get("t2i_params");
        assertNotNull(one(params, "active", "devxviewfine"));
        Map<?, ?> refusedParam = one(params, "refused", "devxviewlocked");
        assertTrue(refusedParam.toString(), String.valueOf(refusedParam.get("reason")).contains("devx_nobody_declares_this"));

        Map<?, ?> perms = (Map<?, ?>) boards.get("permissions");
        Map<?, ?> first = one(perms, "active", "devx_view_perm");
        Map<?, ?> second = one(perms, "shadowed", "devx_view_perm");
        assertTrue(((Number) first.get("service_id")).longValue() < ((Number) second.get("service_id")).longValue());
        assertNotNull(one(perms, "active", "manage_extensions"));

        Map<?, ?> settings = (Map<?, ?>) boards.get("server_settings");
        assertNotNull(one(settings, "active", "devxview.color"));
        assertTrue(String.valueOf(one(settings, "shadowed", "devxview.color").get("reason")).contains("already defined"));

        Map<?, ?> files = (Map<?, ?>) boards.get("web_files");
        assertEquals(5, one(files, "active", "/DevxView/").get("ranking"));
        assertNotNull(one(files, "shadowed", "/DevxView/").get("reason"));
        assertTrue(String.valueOf(one(files, "refused", "no-slash").get("reason")).contains(WebFileProvider.PREFIX));

        Map<?, ?> routes = (Map<?, ?>) boards.get("routes");
        assertEquals("apiary.core.admin.internal.docs.WhiteboardRoutes#AdminListWhiteboards",
                one(routes, "active", "AdminListWhiteboards").get("implementation"));
    }

    @Test
    public void everyRouteNamesItsHandlerInTheRouteViewAndOpenApi() {
        Api api = api();
        Api.Reply routes = api.call(api.newSession(), "AdminListRoutes", Map.of());
        for (Object o : (List<?>) routes.get("registered")) {
            Map<?, ?> r = (Map<?, ?>) o;
            assertTrue(r.toString(), String.valueOf(r.get("handler")).matches("[\\w.$]+#\\w+"));
            if ("ListExtensions".equals(r.get("name"))) {
                assertEquals("apiary.core.admin.internal.extensions.ExtensionListRoutes#ListExtensions", r.get("handler"));
            }
        }
        Api.Reply doc = api.send(java.net.http.HttpRequest.newBuilder(api.uri("/openapi.json")).GET().build());
        Map<?, ?> op = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) doc.get("paths")).get("/API/AdminListWhiteboards")).get("post");
        assertEquals("apiary.core.admin.internal.docs.WhiteboardRoutes#AdminListWhiteboards", op.get("x-handler"));
        assertEquals("core.admin", op.get("x-bundle"));
        assertEquals("view_whiteboards", op.get("x-permission"));
    }

    private <S> void register(Class<S> type, S service, int ranking) {
        registrations.add(context.registerService(type, service, new Hashtable<>(Map.of(Constants.SERVICE_RANKING, ranking))));
    }

    private static List<Map<?, ?>> rows(Map<?, ?> board, String list) {
        List<Map<?, ?>> out = new ArrayList<>();
        for (Object o : (List<?>) board.get(list)) {
            out.add((Map<?, ?>) o);
        }
        return out;
    }

    /** @return the one row with that key in a list, failing when there is none or several */
    private static Map<?, ?> one(Map<?, ?> board, String list, String key) {
        List<Map<?, ?>> found = new ArrayList<>();
        for (Map<?, ?> r : rows(board, list)) {
            if (key.equals(r.get("key"))) {
                found.add(r);
            }
        }
        assertEquals(list + " rows with key " + key + ": " + found, 1, found.size());
        return found.get(0);
    }
}
