package apiary.core.t2i.internal.params;

import java.util.ArrayList;
import java.util.List;

import apiary.core.api.t2i.T2IParam;

/** The model parameters of SwarmUI's core table: main model, VAE, LoRAs and text encoders. */
final class ModelParams {
    /** SwarmUI's permission for choosing models (declared by core.backends). */
    static final String MODEL_PERMISSION = "model_params";

    private ModelParams() {
    }

    static List<T2IParam<?>> all(ModelCatalog models) {
        List<T2IParam<?>> out = new ArrayList<>(List.of(
                T2IParam.model("Model", "Stable-Diffusion", "").describedAs("The main model.")
                        .requiresPermission(MODEL_PERMISSION).hidden(),
                T2IParam.model("VAE", "VAE", "None").describedAs("Replace the model's built-in VAE with another one.")
                        .ignoreIf("None").requiresPermission(MODEL_PERMISSION).advanced().toggleable()
                        .withDynamicValues(() -> models.withFirst("None", "VAE")).inGroup(CoreGroups.MODEL_ADDONS),
                T2IParam.bool("Automatic VAE", false).describedAs("Choose the VAE from the model and the user's settings when none is given.")
                        .ignoreIf("false").requiresPermission(MODEL_PERMISSION).advanced().toggleable().hidden()
                        .inGroup(CoreGroups.MODEL_ADDONS),
                T2IParam.list("LoRAs", "").describedAs("LoRA models applied on top of the main model.")
                        .ignoreIf("").advanced().toggleable().hidden()
                        .withDynamicValues(() -> models.cleanNames("LoRA")).inGroup(CoreGroups.MODEL_ADDONS),
                T2IParam.list("LoRA Weights", "").describedAs("One weight per LoRA, comma-separated.")
                        .ignoreIf("").range(-10, 10).step(0.1).advanced().toggleable().hidden().inGroup(CoreGroups.MODEL_ADDONS),
                T2IParam.list("LoRA Tenc Weights", "").describedAs("One text-encoder weight per LoRA, comma-separated.")
                        .ignoreIf("").range(-10, 10).step(0.1).advanced().toggleable().hidden().inGroup(CoreGroups.MODEL_ADDONS),
                T2IParam.list("LoRA Section Confinement", "").describedAs("The prompt section each LoRA is confined to (0: everywhere).")
                        .ignoreIf("").advanced().toggleable().hidden().inGroup(CoreGroups.MODEL_ADDONS),
                T2IParam.model("CLIP Vision Model", "ClipVision", "").describedAs("The CLIP Vision model for image prompts.")
                        .ignoreIf("").advanced().toggleable().inGroup(CoreGroups.MODEL_ADDONS),
                T2IParam.model("Negative Model", "Stable-Diffusion", "").describedAs("A different model for the negative prompt.")
                        .ignoreIf("").advanced().toggleable().hidden().inGroup(CoreGroups.MODEL_ADDONS)));
        for (String encoder : List.of("CLIP-L", "CLIP-G", "T5-XXL", "LLaVA", "LLaMA", "Qwen", "Mistral", "Gemma", "GPT-OSS")) {
            out.add(T2IParam.model(encoder + " Model", "Clip", "").describedAs("The " + encoder + " text encoder to use instead of the default.")
                    .ignoreIf("").advanced().toggleable().inGroup(CoreGroups.MODEL_ADDONS));
        }
        return out;
    }
}
