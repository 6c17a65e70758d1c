package apiary.core.t2i.internal.params;

import apiary.core.api.t2i.T2IParamGroup;

/** The parameter groups of SwarmUI's core table, with SwarmUI's names, open/toggle flags and priorities. */
final class CoreGroups {
    private CoreGroups() {
    }

    static final T2IParamGroup CORE = T2IParamGroup.of("Core Parameters", true, -50, "");
    static final T2IParamGroup VARIATION = T2IParamGroup.of("Variation Seed", false, -17,
            "Keep one seed but nudge the image towards a second seed, by a strength you choose.").withToggle();
    static final T2IParamGroup RESOLUTION = T2IParamGroup.of("Resolution", false, -11, "");
    static final T2IParamGroup SAMPLING = T2IParamGroup.of("Sampling", false, -8, "");
    static final T2IParamGroup INIT_IMAGE = T2IParamGroup.of("Init Image", false, -5, "").withToggle();
    static final T2IParamGroup REFINERS = T2IParamGroup.of("Refine / Upscale", false, -3,
            "Two-stage generation: refine the image after the base model, optionally upscaled in between.").withToggle();
    static final T2IParamGroup MODEL_ADDONS = T2IParamGroup.of("Advanced Model Addons", false, 10, "").asAdvanced();
    static final T2IParamGroup SWARM_INTERNAL = T2IParamGroup.of("Swarm Internal", false, 0, "").asAdvanced();
    static final T2IParamGroup ADVANCED_SAMPLING = T2IParamGroup.of("Advanced Sampling", false, 10, "").asAdvanced();

    /**
     * @param n 1, 2 or 3
     * @return the group of the n-th ControlNet ({@code ControlNet}, {@code ControlNet Two}, {@code ControlNet Three})
     */
    static T2IParamGroup controlNet(int n) {
        T2IParamGroup g = T2IParamGroup.of("ControlNet" + ControlNetParams.suffix(n), false, -1 + n * 0.1,
                "Guide the image with a ControlNet model and an input image.").withToggle();
        return n == 1 ? g : g.asAdvanced();
    }
}
