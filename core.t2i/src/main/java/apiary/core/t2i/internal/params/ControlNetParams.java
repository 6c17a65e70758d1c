package apiary.core.t2i.internal.params;

import java.util.ArrayList;
import java.util.List;

import apiary.core.api.t2i.T2IParam;
import apiary.core.api.t2i.T2IParamGroup;

/** SwarmUI's three ControlNet parameter sets ({@code controlnet...}, {@code controlnettwo...}, {@code controlnetthree...}). */
final class ControlNetParams {
    private ControlNetParams() {
    }

    static String suffix(int n) {
        return n == 1 ? "" : n == 2 ? " Two" : " Three";
    }

    static List<T2IParam<?>> all() {
        List<T2IParam<?>> out = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            String cn = "ControlNet" + suffix(n);
            T2IParamGroup g = CoreGroups.controlNet(n);
            out.add(T2IParam.image(cn + " Image Input").describedAs("The image that guides the ControlNet; the init image when unset.")
                    .toggleable().priority(1).inGroup(g).requiresFeature("controlnet"));
            out.add(T2IParam.model(cn + " Model", "ControlNet", "(None)").describedAs("The ControlNet model.")
                    .priority(5).inGroup(g).requiresFeature("controlnet"));
            out.add(T2IParam.decimal(cn + " Strength", 1).describedAs("How strongly the ControlNet applies.")
                    .range(0, 2).step(0.05).priority(8).viewType("slider").inGroup(g).requiresFeature("controlnet"));
            out.add(T2IParam.decimal(cn + " Start", 0).describedAs("When the ControlNet starts, as a fraction of the steps.")
                    .ignoreIf("0").range(0, 1).step(0.05).priority(10).advanced().viewType("slider").inGroup(g)
                    .requiresFeature("controlnet"));
            out.add(T2IParam.decimal(cn + " End", 1).describedAs("When the ControlNet stops, as a fraction of the steps.")
                    .ignoreIf("1").range(0, 1).step(0.05).priority(11).advanced().viewType("slider").inGroup(g)
                    .requiresFeature("controlnet"));
        }
        return out;
    }
}
