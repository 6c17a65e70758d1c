package apiary.backend.comfy.internal.params;

import java.util.List;

import apiary.backend.comfy.internal.info.SamplerCatalog;
import apiary.core.api.t2i.T2IParam;
import apiary.core.api.t2i.T2IParamGroup;
import apiary.core.api.t2i.T2IParamKey;
import apiary.core.api.t2i.T2IParamType;

/**
 * The parameters SwarmUI's ComfyUI extension registers and this driver reads: {@code sampler} and
 * {@code scheduler} (value lists from {@link SamplerCatalog}, extended by every connected server's KSampler),
 * {@code comfyuicustomworkflow}, and the hidden raw-workflow parameter {@code comfyworkflowraw}.
 */
public final class ComfyParams {
    /** The sampler name. */
    public static final T2IParamKey<String> SAMPLER = T2IParamKey.dropdown("sampler");
    /** The scheduler name. */
    public static final T2IParamKey<String> SCHEDULER = T2IParamKey.dropdown("scheduler");
    /** A custom workflow: its API-format JSON, or the name of one saved under the data folder. */
    public static final T2IParamKey<String> CUSTOM_WORKFLOW = T2IParamKey.text("comfyuicustomworkflow");
    /** A raw API-format workflow with placeholders. */
    public static final T2IParamKey<String> RAW_WORKFLOW = T2IParamKey.text("comfyworkflowraw");

    private static final T2IParamGroup SAMPLING = T2IParamGroup.of("Sampling", false, -8, "Sampler and scheduler choices.");
    private static final T2IParamGroup COMFY = T2IParamGroup.of("ComfyUI", false, 200, "ComfyUI-specific options.").asAdvanced();

    private ComfyParams() {
    }

    /**
     * @param catalog the shared sampler lists
     * @return the parameter definitions
     */
    public static List<T2IParam<?>> definitions(SamplerCatalog catalog) {
        return List.of(
                T2IParam.dropdown("Sampler", "euler", List.of()).withDynamicValues(catalog::samplers)
                        .describedAs("Sampler type (for ComfyUI).").toggleable().requiresFeature("comfyui").inGroup(SAMPLING),
                T2IParam.dropdown("Scheduler", "normal", List.of()).withDynamicValues(catalog::schedulers)
                        .describedAs("Scheduler type (for ComfyUI).").toggleable().requiresFeature("comfyui").inGroup(SAMPLING),
                T2IParam.text("ComfyUI Custom Workflow", "")
                        .describedAs("Use a custom ComfyUI workflow: its API-format JSON (with ${param} placeholders) or the name of one saved on the server.")
                        .toggleable().requiresFeature("comfyui").inGroup(COMFY).advanced(),
                T2IParam.<String>of("Comfy Workflow Raw", T2IParamType.TEXT, "")
                        .describedAs("A raw ComfyUI API-format workflow with ${param} placeholders, used instead of the generated one.")
                        .requiresFeature("comfyui").hidden().extraHidden().doNotPreview().inGroup(COMFY));
    }
}
