package apiary.core.t2i.internal.params;

import java.util.List;

import apiary.core.api.t2i.T2IParam;

/** The prompt, core, variation-seed, resolution and sampling parameters of SwarmUI's core table. */
final class PromptParams {
    private PromptParams() {
    }

    static final List<String> ASPECT_RATIOS = List.of("1:1///1:1 (Square)", "4:3///4:3 (Old PC)",
            "3:2///3:2 (Semi-wide)", "8:5///8:5", "16:9///16:9 (Standard Widescreen)", "21:9///21:9 (Ultra-Widescreen)",
            "3:4///3:4", "2:3///2:3 (Semi-tall)", "5:8///5:8", "9:16///9:16 (Tall)", "9:21///9:21 (Ultra-Tall)", "Custom");

    static List<T2IParam<?>> all() {
        return List.of(
                T2IParam.text("Prompt", "").describedAs("What the image should show.")
                        .withExamples(List.of("a photo of a cat", "a watercolour lighthouse at dusk"))
                        .priority(-100).hidden().viewType("prompt"),
                T2IParam.text("Negative Prompt", "").describedAs("What the image should not show.").ignoreIf("")
                        .withExamples(List.of("blurry, low quality")).priority(-90).hidden().viewType("prompt"),
                T2IParam.integer("Images", 1).describedAs("How many images to generate.").ignoreIf("1")
                        .range(1, 10000).withExamples(List.of("1", "4")).priority(-50).inGroup(CoreGroups.CORE),
                T2IParam.integer("Seed", -1).describedAs("The image seed; -1 picks a random one.")
                        .range(-1, Long.MAX_VALUE).withExamples(List.of("1", "2", "...", "10")).priority(-30)
                        .viewType("seed").inGroup(CoreGroups.CORE),
                T2IParam.integer("Steps", 20).describedAs("How many times the model runs; more is slower and finer.")
                        .range(0, 500).viewRange(0, 100).withExamples(List.of("10", "20", "30", "40")).priority(-20)
                        .viewType("slider").inGroup(CoreGroups.CORE),
                T2IParam.decimal("CFG Scale", 7).describedAs("How strongly the prompt steers the image.")
                        .range(0, 100).viewRange(0, 20).step(0.5).withExamples(List.of("5", "6", "7", "8", "9"))
                        .priority(-18).viewType("slider").inGroup(CoreGroups.CORE),
                T2IParam.integer("Variation Seed", -1).describedAs("A second seed mixed into the first; -1 picks a random one.")
                        .range(-1, 4294967295L).withExamples(List.of("1", "2", "...", "10")).priority(-17).viewType("seed")
                        .inGroup(CoreGroups.VARIATION).requiresFeature("variation_seed"),
                T2IParam.decimal("Variation Seed Strength", 0).describedAs("How much of the variation seed to mix in, 0 to 1.")
                        .ignoreIf("0").range(0, 1).step(0.05).withExamples(List.of("0", "0.25", "0.5", "0.75"))
                        .priority(-17).viewType("slider").inGroup(CoreGroups.VARIATION).requiresFeature("variation_seed"),
                T2IParam.dropdown("Aspect Ratio", "1:1", ASPECT_RATIOS).describedAs("The shape of the image.")
                        .priority(-11).inGroup(CoreGroups.RESOLUTION),
                size("Width", -10), size("Height", -9),
                T2IParam.integer("Side Length", 1024).describedAs("With an aspect ratio, the size the image's area is based on.")
                        .range(64, 16384).viewRange(256, 2048).step(32).toggleable().priority(-8)
                        .viewType("pot_slider").inGroup(CoreGroups.RESOLUTION),
                T2IParam.dropdown("Seamless Tileable", "false", List.of("false", "true", "X-Only", "Y-Only"))
                        .describedAs("Make the image tile without seams, in both or one direction.").ignoreIf("false")
                        .priority(15).inGroup(CoreGroups.SAMPLING).requiresFeature("seamless"),
                T2IParam.decimal("Flux Guidance Scale", 3.5).describedAs("The guidance scale of Flux-Dev models.")
                        .range(0, 100).step(0.1).toggleable().advanced().inGroup(CoreGroups.SAMPLING).requiresFeature("flux-dev"),
                T2IParam.bool("Zero Negative", false).describedAs("Zero the negative prompt when it is empty.")
                        .ignoreIf("false").inGroup(CoreGroups.SAMPLING));
    }

    private static T2IParam<Long> size(String name, double priority) {
        return T2IParam.integer(name, 512).describedAs("Image " + name.toLowerCase() + " in pixels.")
                .range(64, 16384).viewRange(256, 2048).step(32).withExamples(List.of("512", "768", "1024"))
                .priority(priority).viewType("pot_slider").inGroup(CoreGroups.RESOLUTION);
    }
}
