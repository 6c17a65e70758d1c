package apiary.itest.t2i;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import apiary.core.api.t2i.T2IParam;
import apiary.core.api.t2i.T2IParamProvider;
import apiary.core.api.t2i.T2IParamRegistry;
import apiary.itest.Api;
import apiary.itest.ApiaryTestSupport;

import org.junit.Test;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

/** ListT2IParams in SwarmUI's shape, generated from the registry; a provider registered at runtime joins and shadows. */
public class T2IParamsIT extends ApiaryTestSupport {
    @Test
    public void listT2IParamsHasSwarmsShape() {
        Api api = api();
        Api.Reply r = api.call(api.newSession(), "ListT2IParams", Map.of());
        assertEquals(List.of("list", "groups", "models", "model_compat_classes", "model_classes", "wildcards", "param_edits"),
                List.copyOf(r.json.keySet()));
        Map<?, ?> steps = param(r, "steps");
        assertNotNull(steps);
        assertEquals(List.of("name", "id", "description", "type", "subtype", "default", "min", "max", "view_min", "view_max",
                "step", "values", "value_names", "examples", "visible", "advanced", "feature_flag", "toggleable", "priority",
                "group", "always_retain", "do_not_save", "do_not_preview", "view_type", "extra_hidden", "can_sectionalize",
                "nonreusable", "depend_non_default"), List.copyOf(steps.keySet()));
        assertEquals("integer", steps.get("type"));
        assertEquals("20", steps.get("default"));
        assertEquals(500.0, ((Number) steps.get("max")).doubleValue(), 0);
        assertEquals("coreparameters", ((Map<?, ?>) steps.get("group")).get("id"));
        Map<?, ?> aspect = param(r, "aspectratio");
        assertEquals("dropdown", aspect.get("type"));
        assertTrue(((List<?>) aspect.get("values")).contains("16:9"));
        assertTrue(((List<?>) aspect.get("value_names")).contains("16:9 (Standard Widescreen)"));
        assertNotNull("the owner may choose models", param(r, "model"));
        assertTrue(((Map<?, ?>) r.get("models")).containsKey("Stable-Diffusion"));
    }

    @Test
    public void anExtensionsParameterJoinsAndAHigherRankingShadowsTheCore() throws Exception {
        T2IParamProvider ext = () -> List.of(T2IParam.decimal("Glow Strength", 0.5).range(0, 1),
                T2IParam.integer("Steps", 33).range(1, 99));
        ServiceRegistration<T2IParamProvider> reg = context.registerService(T2IParamProvider.class, ext,
                new java.util.Hashtable<>(Map.of(Constants.SERVICE_RANKING, 100)));
        try {
            Api api = api();
            String session = api.newSession();
            Api.Reply r = api.call(session, "ListT2IParams", Map.of());
            assertNotNull(param(r, "glowstrength"));
            assertEquals("33", param(r, "steps").get("default"));
            Api.Reply refusals = api.call(session, "ListT2IParamRefusals", Map.of());
            List<?> refused = (List<?>) refusals.get("refused");
            assertTrue(refusals.toString(), refused.stream().anyMatch(o -> "steps".equals(((Map<?, ?>) o).get("id"))
                    && Boolean.TRUE.equals(((Map<?, ?>) o).get("shadowed")) && "core.t2i".equals(((Map<?, ?>) o).get("bundle"))));
            T2IParamRegistry registry = context.getService(context.getServiceReference(T2IParamRegistry.class));
            assertTrue(registry.find("Glow_Strength").isPresent());
        } finally {
            reg.unregister();
        }
        Api.Reply after = api().call(api().newSession(), "ListT2IParams", Map.of());
        assertEquals("the core's definition is back", "20", param(after, "steps").get("default"));
        assertEquals(null, param(after, "glowstrength"));
    }

    static Map<?, ?> param(Api.Reply r, String id) {
        for (Object o : (List<?>) r.get("list")) {
            if (id.equals(((Map<?, ?>) o).get("id"))) {
                return (Map<?, ?>) o;
            }
        }
        return null;
    }
}
