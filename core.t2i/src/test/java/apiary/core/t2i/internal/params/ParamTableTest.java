package apiary.core.t2i.internal.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import apiary.core.api.t2i.T2IParam;
import apiary.core.api.t2i.T2IParamRefusal;
import apiary.core.api.t2i.T2IParamType;

import org.junit.jupiter.api.Test;

class ParamTableTest {
    private static final Set<String> PERMS = Set.of("model_params", "param_backend_type", "param_backend_id");

    @Test
    void theCoreTableIsServedWhole() {
        List<T2IParam<?>> core = CoreParamProvider.table(ModelCatalog.of(null, null, null));
        ParamTable t = ParamTable.build(List.of(new ParamRegistration(1, 0, "core.t2i", core)), PERMS);
        assertEquals(List.of(), t.refusals(), "no core parameter is refused");
        assertEquals(core.size(), t.params().size());
        for (String id : List.of("prompt", "negativeprompt", "images", "seed", "steps", "cfgscale", "aspectratio", "width",
                "height", "sidelength", "variationseed", "variationseedstrength", "model", "vae", "loras", "loraweights",
                "loratencweights", "txxlmodel", "cliplmodel", "clipgmodel", "initimage", "initimagecreativity", "maskimage",
                "refinermodel", "refinersteps", "controlnetmodel", "controlnettwostrength", "controlnetthreeend", "batchsize",
                "rawresolution", "donotsave", "nopreviews", "continueaftererrors", "noseedincrement", "internalbackendtype",
                "exactbackendid", "wildcardseed", "imageformat", "overrideoutpathformat", "clipstopatlayer", "seamlesstileable",
                "fluxguidancescale", "outputintermediateimages", "personalnote")) {
            assertNotNull(t.find(id), id);
        }
        assertEquals("cfgscale", t.find("CFG_Scale").id(), "request keys are cleaned like names");
        assertEquals("outputintermediateimages", t.find("saveintermediateimages").id(), "remaps apply");
        assertEquals(T2IParamType.MODEL, t.find("txxlmodel").type());
    }

    @Test
    void higherRankingShadowsAndBadDefinitionsAreRefused() {
        T2IParam<Long> coreSteps = T2IParam.integer("Steps", 20);
        T2IParam<Long> extSteps = T2IParam.integer("Steps", 30);
        ParamRegistration core = new ParamRegistration(5, 0, "core.t2i", List.of(coreSteps));
        ParamRegistration ext = new ParamRegistration(9, 10, "my.ext", List.of(extSteps,
                T2IParam.integer("Glow", 1).requiresPermission("glow_use"),
                T2IParam.of("Broken", T2IParamType.DECIMAL, "abc"),
                T2IParam.model("No Subtype", null, "")));
        ParamTable t = ParamTable.build(List.of(core, ext), PERMS);
        assertSame(extSteps, t.find("steps"), "the higher ranking wins");
        assertNull(t.find("glow"));
        assertNull(t.find("broken"));
        List<T2IParamRefusal> r = t.refusals();
        assertEquals(4, r.size(), r.toString());
        T2IParamRefusal shadow = r.stream().filter(x -> x.shadowed).findFirst().orElseThrow();
        assertEquals("core.t2i", shadow.bundle);
        assertTrue(shadow.reason.contains("my.ext"), shadow.reason);
        assertTrue(r.stream().anyMatch(x -> !x.shadowed && x.reason.contains("glow_use")));
        assertTrue(r.stream().anyMatch(x -> !x.shadowed && x.reason.contains("'abc'")));

        ParamTable withPermission = ParamTable.build(List.of(core, ext), Set.of("glow_use"));
        assertNotNull(withPermission.find("glow"), "served once some bundle declares the permission");
    }

    @Test
    void equalRankingKeepsTheOlderServiceAndDuplicatesInOneProviderAreRefused() {
        T2IParam<Long> a = T2IParam.integer("Steps", 20);
        T2IParam<Long> b = T2IParam.integer("Steps", 30);
        ParamTable t = ParamTable.build(List.of(new ParamRegistration(7, 0, "late", List.of(b)),
                new ParamRegistration(3, 0, "early", List.of(a, T2IParam.integer("STEPS", 1)))), Set.of());
        assertSame(a, t.find("steps"));
        assertFalse(t.refusals().stream().filter(x -> !x.shadowed).findFirst().orElseThrow().shadowed);
        assertEquals(2, t.refusals().size());
    }
}
