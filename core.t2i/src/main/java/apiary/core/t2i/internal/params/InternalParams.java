package apiary.core.t2i.internal.params;

import java.util.ArrayList;
import java.util.List;

import apiary.core.api.t2i.T2IParam;

/** The "Swarm Internal" and advanced-sampling parameters of SwarmUI's core table. */
final class InternalParams {
    /** The output formats: SwarmUI's image format names. */
    static final List<String> IMAGE_FORMATS = List.of("PNG", "JPG", "WEBP_LOSSLESS", "WEBP");

    private InternalParams() {
    }

    static List<T2IParam<?>> all(ModelCatalog models) {
        List<T2IParam<?>> out = new ArrayList<>(List.of(
                T2IParam.integer("Batch Size", 1).describedAs("Images generated together in one backend call.")
                        .ignoreIf("1").range(1, 100).viewRange(0, 10).advanced().viewType("slider").priority(-20)
                        .inGroup(CoreGroups.SWARM_INTERNAL),
                T2IParam.decimal("Alt Resolution Height Multiplier", 1).describedAs("Derive the height from the width times this.")
                        .range(0, 10).step(0.1).advanced().toggleable().viewType("slider").priority(-19)
                        .inGroup(CoreGroups.SWARM_INTERNAL),
                T2IParam.text("Raw Resolution", "1024x1024").describedAs("An exact WIDTHxHEIGHT that overrides width and height.")
                        .withExamples(List.of("512x512", "1024x1024", "1344x768")).toggleable().advanced().priority(-3)
                        .inGroup(CoreGroups.SWARM_INTERNAL),
                flag("Output Intermediate Images", "Also output intermediate images (for example before the refiner).", -16),
                flag("Do Not Save", "Send the image back without saving it on the server.", -15).alwaysRetain(),
                flag("Do Not Save Intermediates", "Never save intermediate images.", -15),
                flag("No Previews", "Send no live previews.", -14).alwaysRetain(),
                flag("No Load Models", "Do not load models on the backend (only record the name).", -13),
                flag("No Internal Special Handling", "Skip the server's special handling of the request.", -12),
                flag("Continue After Errors", "Keep generating the other images when one fails.", -11).alwaysRetain(),
                flag("Forward Raw Backend Data", "Forward the backend's raw progress data to the client.", -11),
                flag("Forward Swarm Data", "Tell the client which parameters were used.", -11),
                T2IParam.dropdown("Webhooks", "Normal", List.of("None", "Normal", "Manual", "Manual At End"))
                        .describedAs("Which of the server's webhooks this request triggers.").advanced().alwaysRetain()
                        .priority(-11).inGroup(CoreGroups.SWARM_INTERNAL),
                T2IParam.dropdown("[Internal] Backend Type", "Any", List.of("Any")).describedAs("Only use backends of this type.")
                        .ignoreIf("Any").withDynamicValues(models::backendTypeValues).advanced()
                        .requiresPermission("param_backend_type").alwaysRetain().priority(-10).inGroup(CoreGroups.SWARM_INTERNAL),
                T2IParam.dropdown("Exact Backend ID", "0", List.of("0")).describedAs("Only use the backend with this id.")
                        .withDynamicValues(models::backendIdValues).toggleable().advanced().viewType("big")
                        .requiresPermission("param_backend_id").alwaysRetain().priority(-9).inGroup(CoreGroups.SWARM_INTERNAL),
                T2IParam.integer("Wildcard Seed", -1).describedAs("The seed that picks wildcard entries; the image seed when disabled.")
                        .range(-1, 4294967295L).toggleable().viewType("seed").alwaysRetain().priority(-5)
                        .inGroup(CoreGroups.SWARM_INTERNAL),
                T2IParam.dropdown("Wildcard Seed Behavior", "Random", List.of("Random", "Index"))
                        .describedAs("Pick wildcard entries at random from the seed, or in order.").advanced().priority(-5)
                        .inGroup(CoreGroups.SWARM_INTERNAL),
                flag("No Seed Increment", "Use the same seed for every image of the request.", -4).alwaysRetain(),
                T2IParam.text("Personal Note", "").describedAs("Any note of yours; it is stored in the image metadata.")
                        .ignoreIf("").advanced().viewType("big").alwaysRetain().inGroup(CoreGroups.SWARM_INTERNAL),
                T2IParam.dropdown("Image Format", "PNG", IMAGE_FORMATS).describedAs("The file format of the saved image.")
                        .advanced().alwaysRetain().toggleable().priority(1).inGroup(CoreGroups.SWARM_INTERNAL),
                T2IParam.dropdown("Color Depth", "8bit", List.of("8bit", "16bit")).describedAs("Bits per colour channel of the image.")
                        .advanced().toggleable().priority(1.5).inGroup(CoreGroups.SWARM_INTERNAL),
                T2IParam.text("Override Outpath Format", "").describedAs("An output path format for this request instead of the user's.")
                        .toggleable().advanced().priority(1.6).inGroup(CoreGroups.SWARM_INTERNAL),
                T2IParam.bool("Model Specific Enhancements", true).describedAs("Apply model-specific improvements.")
                        .ignoreIf("true").advanced().priority(2).inGroup(CoreGroups.SWARM_INTERNAL)));
        out.addAll(advancedSampling());
        return out;
    }

    private static List<T2IParam<?>> advancedSampling() {
        return List.of(
                T2IParam.integer("CLIP Stop At Layer", -1).describedAs("The CLIP layer to stop at, counted from the end (CLIP skip).")
                        .range(-24, -1).toggleable().advanced().inGroup(CoreGroups.ADVANCED_SAMPLING),
                sigma("Sampler Sigma Min", 0), sigma("Sampler Sigma Max", 10), sigma("Sampler Rho", 7),
                T2IParam.decimal("Sigma Shift", 3).describedAs("Sigma shift for MMDiT models such as SD3.")
                        .range(0, 100).step(0.01).toggleable().advanced().inGroup(CoreGroups.ADVANCED_SAMPLING),
                T2IParam.integer("VAE Tile Size", 256).describedAs("Decode through the VAE in tiles of this size.")
                        .range(64, 4096).step(64).toggleable().advanced().inGroup(CoreGroups.ADVANCED_SAMPLING),
                T2IParam.integer("VAE Tile Overlap", 64).describedAs("How much VAE tiles overlap.")
                        .range(0, 4096).step(16).toggleable().advanced().inGroup(CoreGroups.ADVANCED_SAMPLING),
                T2IParam.decimal("End Steps Early", 0).describedAs("Fraction of the steps to leave out at the end.")
                        .ignoreIf("0").toggleable().hidden().range(0, 1).requiresFeature("endstepsearly"),
                T2IParam.bool("Remove Background", false).describedAs("Remove the background from the image.")
                        .ignoreIf("false").advanced().inGroup(CoreGroups.ADVANCED_SAMPLING));
    }

    private static T2IParam<Boolean> flag(String name, String description, double priority) {
        return T2IParam.bool(name, false).describedAs(description).ignoreIf("false").advanced().priority(priority)
                .inGroup(CoreGroups.SWARM_INTERNAL);
    }

    private static T2IParam<Double> sigma(String name, double def) {
        return T2IParam.decimal(name, def).describedAs("The " + name.substring(8).toLowerCase() + " value of Karras and exponential schedulers.")
                .range(0, 1000).step(0.01).toggleable().advanced().inGroup(CoreGroups.ADVANCED_SAMPLING);
    }
}
