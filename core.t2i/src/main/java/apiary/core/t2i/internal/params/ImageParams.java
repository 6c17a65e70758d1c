package apiary.core.t2i.internal.params;

import java.util.List;

import apiary.core.api.t2i.T2IParam;

/** The init-image and refiner parameters of SwarmUI's core table. */
final class ImageParams {
    private ImageParams() {
    }

    static List<T2IParam<?>> all(ModelCatalog models) {
        return List.of(
                T2IParam.image("Init Image").describedAs("An image to start from instead of noise (image to image).")
                        .priority(-5).inGroup(CoreGroups.INIT_IMAGE),
                T2IParam.decimal("Init Image Creativity", 0.6).describedAs("How far the result may move away from the init image, 0 to 1.")
                        .range(0, 1).step(0.05).priority(-4.5).viewType("slider").inGroup(CoreGroups.INIT_IMAGE)
                        .withExamples(List.of("0", "0.4", "0.6", "1")),
                T2IParam.decimal("Init Image Reset To Norm", 0).describedAs("Pull the init image towards the latent norm; 0 disables.")
                        .ignoreIf("0").range(0, 1).step(0.05).priority(-4.5).viewType("slider").inGroup(CoreGroups.INIT_IMAGE),
                T2IParam.decimal("Init Image Noise", 0).describedAs("Extra noise added to the init image; 0 disables.")
                        .ignoreIf("0").range(0, 10).step(0.1).priority(-4.4).advanced().inGroup(CoreGroups.INIT_IMAGE),
                T2IParam.image("Mask Image").describedAs("White areas are regenerated, black areas kept, grey half-changed.")
                        .priority(-4).inGroup(CoreGroups.INIT_IMAGE),
                T2IParam.integer("Mask Shrink Grow", 8).describedAs("Crop to the mask plus this many pixels, generate, then paste back.")
                        .toggleable().range(0, 512).priority(-3.7).inGroup(CoreGroups.INIT_IMAGE),
                T2IParam.integer("Mask Blur", 4).describedAs("Blur the mask edge by this much; 0 disables.")
                        .ignoreIf("0").range(0, 64).priority(-3.6).inGroup(CoreGroups.INIT_IMAGE),
                T2IParam.integer("Mask Grow", 0).describedAs("Grow the mask by this many pixels; 0 disables.")
                        .ignoreIf("0").range(0, 256).priority(-3.5).inGroup(CoreGroups.INIT_IMAGE),
                T2IParam.bool("Init Image Recomposite Mask", true).describedAs("Paste the masked result back onto the original image.")
                        .ignoreIf("true").priority(-3.4).advanced().inGroup(CoreGroups.INIT_IMAGE),
                T2IParam.bool("Use Inpainting Encode", false).describedAs("Use the VAE encoding made for inpainting models.")
                        .ignoreIf("false").priority(-3.2).advanced().inGroup(CoreGroups.INIT_IMAGE),
                T2IParam.text("Unsampler Prompt", "").describedAs("A prompt to unsample with before resampling with the main prompt.")
                        .toggleable().priority(-3).viewType("prompt").inGroup(CoreGroups.INIT_IMAGE),
                T2IParam.model("Refiner Model", "Stable-Diffusion", "(Use Base)").describedAs("The model that refines the image; (Use Base) keeps the base model.")
                        .ignoreIf("(Use Base)").withDynamicValues(() -> models.withFirst("(Use Base)", "Stable-Diffusion"))
                        .priority(-5).inGroup(CoreGroups.REFINERS).requiresFeature("refiners").doNotPreview(),
                T2IParam.model("Refiner VAE", "VAE", "None").describedAs("A VAE for the refiner stage.")
                        .ignoreIf("None").withDynamicValues(() -> models.withFirst("None", "VAE")).advanced()
                        .priority(-4.5).inGroup(CoreGroups.REFINERS).requiresFeature("refiners").doNotPreview(),
                T2IParam.decimal("Refiner Control Percentage", 0.2).describedAs("How much of the work the refiner does, 0 to 1.")
                        .range(0, 1).step(0.05).priority(-4).viewType("slider").inGroup(CoreGroups.REFINERS)
                        .requiresFeature("refiners").doNotPreview(),
                T2IParam.integer("Refiner Steps", 40).describedAs("A separate step count for the refiner stage.")
                        .range(1, 200).viewRange(0, 100).toggleable().advanced().priority(-3.75).viewType("slider")
                        .inGroup(CoreGroups.REFINERS),
                T2IParam.decimal("Refiner CFG Scale", 7).describedAs("A separate CFG scale for the refiner stage.")
                        .range(0, 100).viewRange(0, 20).step(0.5).toggleable().advanced().priority(-3.7)
                        .viewType("slider").inGroup(CoreGroups.REFINERS),
                T2IParam.dropdown("Refiner Method", "PostApply", List.of("PostApply///Post-Apply (Normal)",
                        "StepSwap///Step-Swap (SDXL Refiner Model Original)", "StepSwapNoisy///Step-Swap Noisy (Modified Refiner)"))
                        .describedAs("How the refiner is applied.").priority(-3).advanced().inGroup(CoreGroups.REFINERS)
                        .requiresFeature("refiners").doNotPreview(),
                T2IParam.decimal("Refiner Upscale", 1).describedAs("Upscale between the base and refiner stages; 1 disables.")
                        .ignoreIf("1").range(0.25, 8).viewRange(0, 4).step(0.25).priority(-2).viewType("slider")
                        .inGroup(CoreGroups.REFINERS).requiresFeature("refiners").doNotPreview(),
                T2IParam.bool("Refiner Do Tiling", false).describedAs("Generate the refiner stage in tiles.")
                        .ignoreIf("false").priority(5).inGroup(CoreGroups.REFINERS).requiresFeature("refiners").doNotPreview());
    }
}
