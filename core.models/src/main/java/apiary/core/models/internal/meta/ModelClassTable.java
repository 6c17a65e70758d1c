package apiary.core.models.internal.meta;

import static apiary.core.models.internal.meta.ClassSignatures.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The model classes and compatibility classes, with SwarmUI's ids, names and standard resolutions, in the order the
 * detector tries them. Classes without a signature are only ever set by metadata ({@code modelspec.architecture}) or
 * an edit.
 */
public final class ModelClassTable {
    private final Map<String, CompatClass> compat = new LinkedHashMap<>();
    private final Map<String, ModelClass> classes = new LinkedHashMap<>();
    private final Map<String, ModelClass> byLowerId = new LinkedHashMap<>();
    private final Map<String, String> remaps = new LinkedHashMap<>();
    private final boolean xlDefaultAsXl1;
    /** {@link #classes()}, made once the table is complete. */
    private volatile List<ModelClass> inOrder;

    /** @param xlDefaultAsXl1 whether SDXL base checkpoints without metadata count as 1.0 rather than 0.9 */
    public ModelClassTable(boolean xlDefaultAsXl1) {
        this.xlDefaultAsXl1 = xlDefaultAsXl1;
        registerCompatClasses();
        stableDiffusion(xlDefaultAsXl1);
        otherFamilies();
        metadataOnly();
        remaps();
    }

    private void registerCompatClasses() {
        register("stable-diffusion-v1", "SDv1", false, true);
        register("stable-diffusion-v2", "SDv2", false, true);
        register("stable-diffusion-v2-turbo", "SDv2", false, true);
        register("stable-diffusion-xl-v1", "SDXL", false, true);
        register("stable-diffusion-xl-v1-refiner", "SDXL", false, true);
        register("stable-video-diffusion-img2vid-v1", "SVD", false, true);
        register("stable-cascade-v1", "Casc", false, true);
        register("stable-diffusion-v3-medium", "SD3m", false, true);
        register("stable-diffusion-v3.5-large", "SD35L", false, true);
        register("stable-diffusion-v3.5-medium", "SD35m", false, true);
        register("stable-diffusion-v3", "SD3", false, true);
        register("flux-1", "Flux", false, false);
        register("chroma", "Chrom", false, false);
        register("genmo-mochi-1", "Mochi", true, false);
        register("lightricks-ltx-video", "LTXV", true, false);
        register("hunyuan-video", "HyVid", true, false);
        register("wan-21-1_3b", "Wan", true, false);
        register("wan-21-14b", "Wan", true, false);
        register("lumina-2", "Lum2", false, false);
        register("hidream-i1", "HiDr", false, false);
        register("qwen-image", "Qwen", false, false);
        register("alt_diffusion_v1", "AltD", false, true);
        register("pixart-ms-sigma-xl-2", "PxArt", false, false);
        register("auraflow-v1", "Aura", false, false);
    }

    private void stableDiffusion(boolean xl1) {
        add("stable-diffusion-v1", "Stable Diffusion v1", "stable-diffusion-v1", 512, 512,
                h -> v1(h) && !alt(h) && !v2(h) && !xlBase(h) && !sd3Medium(h) && !sd3Large(h) && !v1ControlNet(h));
        add("stable-diffusion-v1-inpainting", "Stable Diffusion v1 (Inpainting)", "stable-diffusion-v1", 512, 512, null);
        lora("stable-diffusion-v1/lora", "Stable Diffusion v1 LoRA", "stable-diffusion-v1", 512, 512, h -> v1Lora(h) && !xlLora(h));
        add("stable-diffusion-v1/controlnet", "Stable Diffusion v1 ControlNet", "stable-diffusion-v1", 512, 512,
                h -> v1ControlNet(h) && !controlLora(h) && !ditControlNet(h));
        add("stable-diffusion-v1/textual-inversion", "Stable Diffusion v1 Embedding", "stable-diffusion-v1", 512, 512,
                h -> embeddingWidth(h) == 768);
        add("stable-diffusion-v2-512", "Stable Diffusion v2-512", "stable-diffusion-v2", 512, 512,
                h -> v2(h) && !v2Unclip(h) && v2At512(h) && !v2Depth(h));
        add("stable-diffusion-v2-768-v", "Stable Diffusion v2-768v", "stable-diffusion-v2", 768, 768,
                h -> v2(h) && !v2Unclip(h) && !v2At512(h) && !v2Depth(h));
        add("stable-diffusion-v2-inpainting", "Stable Diffusion v2 (Inpainting)", "stable-diffusion-v2", 512, 512, null);
        add("stable-diffusion-v2-depth", "Stable Diffusion v2 (Depth)", "stable-diffusion-v2", 512, 512, ClassSignatures::v2Depth);
        add("stable-diffusion-v2-unclip", "Stable Diffusion v2 (Unclip)", "stable-diffusion-v2", 768, 768, ClassSignatures::v2Unclip);
        add("stable-diffusion-v2-768-v/textual-inversion", "Stable Diffusion v2 Embedding", "stable-diffusion-v2", 768, 768,
                h -> embeddingWidth(h) == 1024);
        add("stable-diffusion-v2-turbo", "Stable Diffusion v2 Turbo", "stable-diffusion-v2-turbo", 512, 512, ClassSignatures::turbo21);
        add("stable-diffusion-xl-v1-base", "Stable Diffusion XL 1.0-Base", "stable-diffusion-xl-v1", 1024, 1024,
                h -> xl1 && xlBase(h));
        add("stable-diffusion-xl-v0_9-base", "Stable Diffusion XL 0.9-Base", "stable-diffusion-xl-v1", 1024, 1024,
                h -> !xl1 && xlBase(h));
        add("stable-diffusion-xl-v0_9-refiner", "Stable Diffusion XL 0.9-Refiner", "stable-diffusion-xl-v1-refiner", 1024, 1024,
                h -> xlRefiner(h) && !turbo21(h));
        lora("stable-diffusion-xl-v1-base/lora", "Stable Diffusion XL 1.0-Base LoRA", "stable-diffusion-xl-v1", 1024, 1024, ClassSignatures::xlLora);
        add("stable-diffusion-xl-v1-base/controlnet", "Stable Diffusion XL 1.0-Base ControlNet", "stable-diffusion-xl-v1", 1024, 1024,
                h -> xlControlNet(h) && !ditControlNet(h));
        add("stable-diffusion-xl-v1-base/textual-inversion", "Stable Diffusion XL 1.0-Base Embedding", "stable-diffusion-xl-v1", 1024, 1024,
                ClassSignatures::xlEmbedding);
        lora("stable-diffusion-xl-v1-base/control-lora", "Stable Diffusion XL 1.0-Base Control-LoRA", "stable-diffusion-xl-v1", 1024, 1024,
                ClassSignatures::controlLora);
        add("stable-video-diffusion-img2vid-v0_9", "Stable Video Diffusion Img2Vid 0.9", "stable-video-diffusion-img2vid-v1", 1024, 576,
                ClassSignatures::svd);
        add("stable-cascade-v1-stage-a/vae", "Stable Cascade v1 (Stage A)", "stable-cascade-v1", 1024, 1024,
                h -> cascadeA(h) && !cascadeB(h) && !cascadeC(h));
        add("stable-cascade-v1-stage-b", "Stable Cascade v1 (Stage B)", "stable-cascade-v1", 1024, 1024, ClassSignatures::cascadeB);
        add("stable-cascade-v1-stage-c", "Stable Cascade v1 (Stage C)", "stable-cascade-v1", 1024, 1024, ClassSignatures::cascadeC);
        add("stable-diffusion-v3-medium", "Stable Diffusion 3 Medium", "stable-diffusion-v3-medium", 1024, 1024, ClassSignatures::sd3Medium);
        add("stable-diffusion-v3.5-large", "Stable Diffusion 3.5 Large", "stable-diffusion-v3.5-large", 1024, 1024, ClassSignatures::sd3Large);
        add("stable-diffusion-v3.5-medium", "Stable Diffusion 3.5 Medium", "stable-diffusion-v3.5-medium", 1024, 1024, null);
        lora("stable-diffusion-v3-medium/lora", "Stable Diffusion 3 Medium LoRA", "stable-diffusion-v3-medium", 1024, 1024, null);
        lora("stable-diffusion-v3.5-large/lora", "Stable Diffusion 3.5 Large LoRA", "stable-diffusion-v3.5-large", 1024, 1024,
                ClassSignatures::sd35Lora);
        add("stable-diffusion-v3-medium/controlnet", "Stable Diffusion 3 Medium ControlNet", "stable-diffusion-v3-medium", 1024, 1024,
                h -> ditControlNet(h) && !fluxControlNet(h));
        add("stable-diffusion-v3/vae", "Stable Diffusion 3 VAE", "stable-diffusion-v3", 1024, 1024, null);
    }

    private void otherFamilies() {
        add("flux.1/vae", "Flux.1 Autoencoder", "flux-1", 1024, 1024, null);
        add("Flux.1-schnell", "Flux.1 Schnell", "flux-1", 1024, 1024, ClassSignatures::fluxSchnell);
        add("Flux.1-dev", "Flux.1 Dev", "flux-1", 1024, 1024, ClassSignatures::fluxDev);
        lora("Flux.1-dev/lora", "Flux.1 LoRA", "flux-1", 1024, 1024, ClassSignatures::fluxLora);
        add("Flux.1-dev/depth", "Flux.1 Depth", "flux-1", 1024, 1024, null);
        add("Flux.1-dev/canny", "Flux.1 Canny", "flux-1", 1024, 1024, null);
        add("Flux.1-dev/inpaint", "Flux.1 Fill/Inpaint", "flux-1", 1024, 1024, null);
        add("Flux.1-dev/kontext", "Flux.1 Kontext Dev", "flux-1", 1024, 1024, null);
        lora("Flux.1-dev/lora-depth", "Flux.1 Depth LoRA", "flux-1", 1024, 1024, null);
        lora("Flux.1-dev/lora-canny", "Flux.1 Canny LoRA", "flux-1", 1024, 1024, null);
        add("Flux.1-dev/controlnet", "Flux.1 ControlNet", "flux-1", 1024, 1024, ClassSignatures::fluxControlNet);
        add("chroma", "Chroma", "chroma", 1024, 1024, ClassSignatures::chroma);
        add("genmo-mochi-1", "Genmo Mochi 1", "genmo-mochi-1", 848, 480, ClassSignatures::mochi);
        add("lightricks-ltx-video", "Lightricks LTX Video", "lightricks-ltx-video", 768, 512, ClassSignatures::ltxv);
        add("hunyuan-video", "Hunyuan Video", "hunyuan-video", 720, 720, ClassSignatures::hunyuanVideo);
        add("wan-2_1-text2video-1_3b", "Wan 2.1 Text2Video 1.3B", "wan-21-1_3b", 640, 640, h -> wan13b(h) && !wanImage(h));
        add("wan-2_1-image2video-1_3b", "Wan 2.1 Image2Video 1.3B", "wan-21-1_3b", 640, 640, h -> wan13b(h) && wanImage(h));
        add("wan-2_1-text2video-14b", "Wan 2.1 Text2Video 14B", "wan-21-14b", 960, 960, h -> wan14b(h) && !wanImage(h));
        add("wan-2_1-image2video-14b", "Wan 2.1 Image2Video 14B", "wan-21-14b", 640, 640, h -> wan14b(h) && wanImage(h));
        add("lumina-2", "Lumina 2", "lumina-2", 1024, 1024, ClassSignatures::lumina2);
        add("hidream-i1", "HiDream i1", "hidream-i1", 1024, 1024, ClassSignatures::hiDream);
        add("qwen-image", "Qwen Image", "qwen-image", 1328, 1328, ClassSignatures::qwenImage);
        add("alt_diffusion_v1_512_placeholder", "Alt-Diffusion", "alt_diffusion_v1", 512, 512, ClassSignatures::alt);
    }

    private void metadataOnly() {
        add("stable-diffusion-v1/vae", "Stable Diffusion v1 VAE", "stable-diffusion-v1", 512, 512, null);
        add("stable-diffusion-v1/inpaint", "Stable Diffusion v1 (Inpainting)", "stable-diffusion-v1", 512, 512, null);
        lora("stable-diffusion-v2-768-v/lora", "Stable Diffusion v2 LoRA", "stable-diffusion-v2", 768, 768, null);
        add("stable-diffusion-xl-turbo-v1", "Stable Diffusion XL Turbo", "stable-diffusion-xl-v1", 512, 512, null);
        add("stable-diffusion-xl-v1-refiner", "Stable Diffusion XL 1.0-Refiner", "stable-diffusion-xl-v1-refiner", 1024, 1024, null);
        add("stable-diffusion-xl-v1-base/vae", "Stable Diffusion XL 1.0-Base VAE", "stable-diffusion-xl-v1", 1024, 1024, null);
        add("stable-video-diffusion-img2vid-v1", "Stable Video Diffusion Img2Vid v1", "stable-video-diffusion-img2vid-v1", 1024, 576, null);
        add("pixart-ms-sigma-xl-2", "PixArtMS Sigma XL 2", "pixart-ms-sigma-xl-2", 1024, 1024, null);
        add("pixart-ms-sigma-xl-2-2k", "PixArtMS Sigma XL 2 (2K)", "pixart-ms-sigma-xl-2", 2048, 2048, null);
        add("auraflow-v1", "AuraFlow", "auraflow-v1", 1024, 1024, null);
    }

    private void remaps() {
        remaps.put("flux-1-dev", "Flux.1-dev");
        remaps.put("flux-1-dev/lora", "Flux.1-dev/lora");
        remaps.put("flux-dev/lora", "Flux.1-dev/lora");
        remaps.put("flux-1-schnell", "Flux.1-schnell");
        remaps.put("flux-1-schnell/lora", "Flux.1-dev/lora");
        remaps.put("flux.1-schnell/lora", "Flux.1-dev/lora");
        remaps.put("flux.1-ae", "flux.1/vae");
        remaps.put("stable-cascade-v1-stage-a", "stable-cascade-v1-stage-a/vae");
        remaps.put("stable-diffusion-3-3-5-large", "stable-diffusion-v3.5-large");
        remaps.put("stable-diffusion-v3.5-large-turbo", "stable-diffusion-v3.5-large");
        remaps.put("flux", "Flux.1-dev");
        remaps.put("sd3", "stable-diffusion-v3-medium");
        remaps.put("hyvid", "hunyuan-video");
    }

    private void register(String id, String shortCode, boolean video, boolean lorasTextEnc) {
        compat.put(id, new CompatClass(id, shortCode, video, lorasTextEnc));
    }

    private void add(String id, String name, String compatId, int w, int h, Predicate<TensorKeys> matches) {
        put(new ModelClass(id, name, compatId, w, h, false, matches));
    }

    private void lora(String id, String name, String compatId, int w, int h, Predicate<TensorKeys> matches) {
        put(new ModelClass(id, name, compatId, w, h, true, matches));
    }

    private void put(ModelClass c) {
        if (!compat.containsKey(c.compat())) {
            throw new IllegalStateException("Unknown compat class " + c.compat());
        }
        classes.put(c.id(), c);
        byLowerId.put(c.id().toLowerCase(Locale.ROOT), c);
    }

    /** @return every class, in detection order (one list: the detector walks it for every file a scan reads) */
    public List<ModelClass> classes() {
        List<ModelClass> l = inOrder;
        if (l == null) {
            l = List.copyOf(classes.values());
            inOrder = l;
        }
        return l;
    }

    /**
     * @return a text that differs between tables that describe some class differently (what a listed model shows of
     *         its class: id, name, compat class, resolution; and which ids find which class)
     */
    public String fingerprint() {
        StringBuilder b = new StringBuilder().append(xlDefaultAsXl1);
        for (ModelClass c : classes.values()) {
            b.append('\n').append(c.id()).append('|').append(c.name()).append('|').append(c.compat()).append('|')
                    .append(c.width()).append('x').append(c.height()).append('|').append(c.lora());
        }
        remaps.forEach((from, to) -> b.append('\n').append(from).append('>').append(to));
        return b.toString();
    }

    /** @return every compatibility class */
    public List<CompatClass> compatClasses() {
        return new ArrayList<>(compat.values());
    }

    /**
     * @param id a class id or a known alternative spelling, any case
     * @return the class
     */
    public Optional<ModelClass> find(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        String lower = id.strip().toLowerCase(Locale.ROOT);
        String remapped = remaps.get(lower);
        return Optional.ofNullable(byLowerId.get(remapped == null ? lower : remapped.toLowerCase(Locale.ROOT)));
    }

    /** @param id a compatibility class id @return it */
    public Optional<CompatClass> compat(String id) {
        return Optional.ofNullable(id == null ? null : compat.get(id));
    }

    /** @return whether SDXL base checkpoints without metadata count as 1.0 (the setting it was made with) */
    public boolean xlDefaultAsXl1() {
        return xlDefaultAsXl1;
    }
}
