package apiary.core.api.t2i;

import java.util.List;

/**
 * Keys of SwarmUI's core parameters, for drivers and extensions that read them from a {@link T2IRequest}. Only the
 * ids and types live here; the definitions (names, defaults, ranges, groups) are contributed by the core's own
 * {@link T2IParamProvider} like any other bundle's, so the core has no privilege over an extension.
 */
public final class CoreParams {
    private CoreParams() {
    }

    /** The positive prompt, wildcards and random choices already filled. */
    public static final T2IParamKey<String> PROMPT = T2IParamKey.text("prompt");
    /** The negative prompt. */
    public static final T2IParamKey<String> NEGATIVE_PROMPT = T2IParamKey.text("negativeprompt");
    /** How many images the request asks for. */
    public static final T2IParamKey<Long> IMAGES = T2IParamKey.integer("images");
    /** The seed; locked to a concrete value (never -1) after parsing. */
    public static final T2IParamKey<Long> SEED = T2IParamKey.integer("seed");
    /** Sampler steps. */
    public static final T2IParamKey<Long> STEPS = T2IParamKey.integer("steps");
    /** Classifier-free guidance scale. */
    public static final T2IParamKey<Double> CFG_SCALE = T2IParamKey.decimal("cfgscale");
    /** Aspect ratio name, e.g. {@code 16:9} or {@code Custom}. */
    public static final T2IParamKey<String> ASPECT_RATIO = T2IParamKey.dropdown("aspectratio");
    /** Image width in pixels, after {@code rawresolution} and aspect-ratio handling. */
    public static final T2IParamKey<Long> WIDTH = T2IParamKey.integer("width");
    /** Image height in pixels. */
    public static final T2IParamKey<Long> HEIGHT = T2IParamKey.integer("height");
    /** Side length for aspect-ratio sizing. */
    public static final T2IParamKey<Long> SIDE_LENGTH = T2IParamKey.integer("sidelength");
    /** Variation seed; locked like {@link #SEED}. */
    public static final T2IParamKey<Long> VARIATION_SEED = T2IParamKey.integer("variationseed");
    /** Variation seed strength, 0 to 1. */
    public static final T2IParamKey<Double> VARIATION_SEED_STRENGTH = T2IParamKey.decimal("variationseedstrength");
    /** The main model ({@code Stable-Diffusion} subtype), full name with extension. */
    public static final T2IParamKey<String> MODEL = T2IParamKey.model("model");
    /** VAE override. */
    public static final T2IParamKey<String> VAE = T2IParamKey.model("vae");
    /** LoRA names. */
    public static final T2IParamKey<List<String>> LORAS = T2IParamKey.list("loras");
    /** LoRA weights, padded to the LoRA count with {@code 1}. */
    public static final T2IParamKey<List<String>> LORA_WEIGHTS = T2IParamKey.list("loraweights");
    /** LoRA text-encoder weights. */
    public static final T2IParamKey<List<String>> LORA_TENC_WEIGHTS = T2IParamKey.list("loratencweights");
    /** Init image for image-to-image. */
    public static final T2IParamKey<MediaInput> INIT_IMAGE = T2IParamKey.image("initimage");
    /** How much the init image is changed, 0 to 1. */
    public static final T2IParamKey<Double> INIT_IMAGE_CREATIVITY = T2IParamKey.decimal("initimagecreativity");
    /** Inpainting mask. */
    public static final T2IParamKey<MediaInput> MASK_IMAGE = T2IParamKey.image("maskimage");
    /** Refiner model. */
    public static final T2IParamKey<String> REFINER_MODEL = T2IParamKey.model("refinermodel");
    /** Refiner VAE. */
    public static final T2IParamKey<String> REFINER_VAE = T2IParamKey.model("refinervae");
    /** CLIP-L text encoder. */
    public static final T2IParamKey<String> CLIP_L_MODEL = T2IParamKey.model("cliplmodel");
    /** CLIP-G text encoder. */
    public static final T2IParamKey<String> CLIP_G_MODEL = T2IParamKey.model("clipgmodel");
    /** T5-XXL text encoder. */
    public static final T2IParamKey<String> T5_XXL_MODEL = T2IParamKey.model("txxlmodel");
    /** First ControlNet model. */
    public static final T2IParamKey<String> CONTROLNET_MODEL = T2IParamKey.model("controlnetmodel");
    /** CLIP stop-at-layer, -1 to -24. */
    public static final T2IParamKey<Long> CLIP_STOP_AT_LAYER = T2IParamKey.integer("clipstopatlayer");
    /** Images per backend call. */
    public static final T2IParamKey<Long> BATCH_SIZE = T2IParamKey.integer("batchsize");
    /** {@code WxH} resolution overriding width and height. */
    public static final T2IParamKey<String> RAW_RESOLUTION = T2IParamKey.text("rawresolution");
    /** Return images as data URLs instead of saving them. */
    public static final T2IParamKey<Boolean> DO_NOT_SAVE = T2IParamKey.bool("donotsave");
    /** Send no previews. */
    public static final T2IParamKey<Boolean> NO_PREVIEWS = T2IParamKey.bool("nopreviews");
    /** Do not load models (only record the name). */
    public static final T2IParamKey<Boolean> NO_LOAD_MODELS = T2IParamKey.bool("noloadmodels");
    /** Keep going after an image fails. */
    public static final T2IParamKey<Boolean> CONTINUE_AFTER_ERRORS = T2IParamKey.bool("continueaftererrors");
    /** Do not add the image index to the seed. */
    public static final T2IParamKey<Boolean> NO_SEED_INCREMENT = T2IParamKey.bool("noseedincrement");
    /** Skip the server's internal special handling (e.g. Comfy history cleanup). */
    public static final T2IParamKey<Boolean> NO_INTERNAL_SPECIAL_HANDLING = T2IParamKey.bool("nointernalspecialhandling");
    /** Only backends of this type id ({@code Any} for all). */
    public static final T2IParamKey<String> INTERNAL_BACKEND_TYPE = T2IParamKey.dropdown("internalbackendtype");
    /** Only the backend with this id (or whose parent has it). */
    public static final T2IParamKey<String> EXACT_BACKEND_ID = T2IParamKey.dropdown("exactbackendid");
    /** Seed for wildcard and random choices. */
    public static final T2IParamKey<Long> WILDCARD_SEED = T2IParamKey.integer("wildcardseed");
    /** Output image format: {@code PNG}, {@code JPG}, {@code WEBP_LOSSLESS}, {@code WEBP}. */
    public static final T2IParamKey<String> IMAGE_FORMAT = T2IParamKey.dropdown("imageformat");
    /** Output path format overriding the user's setting. */
    public static final T2IParamKey<String> OVERRIDE_OUT_PATH_FORMAT = T2IParamKey.text("overrideoutpathformat");
}
