package apiary.core.api.model;

import java.util.ArrayList;
import java.util.List;

/**
 * One model file as {@code ListModels} and {@code DescribeModel} show it (SwarmUI's model net object), with its
 * metadata from the file header and sidecars. A snapshot; field names follow SwarmUI's JSON keys.
 */
public class ModelDTO {
    /** The name: the path relative to its model folder with {@code /} and the extension, e.g. {@code sdxl/base.safetensors}. */
    public String name;
    /** The model subtype, e.g. {@code Stable-Diffusion}, {@code LoRA}, {@code VAE}. */
    public String subtype;
    /** Display title (metadata, sidecar, or the file name without extension). */
    public String title;
    /** Author, may be empty. */
    public String author = "";
    /** Description, may be empty. */
    public String description = "";
    /** Preview image: a URL path or {@code data:} URL; SwarmUI's placeholder when none. */
    public String previewImage;
    /** Architecture as written in the metadata, or {@code null}. */
    public String architecture;
    /** The detected model class id (e.g. {@code stable-diffusion-xl-v1-base}), or {@code null} when unknown. */
    public String modelClass;
    /** The class's compatibility class (e.g. {@code stable-diffusion-xl-v1}), or {@code null}. */
    public String compatClass;
    /** Standard width in pixels (metadata, else the class's), 0 when unknown. */
    public int standardWidth;
    /** Standard height in pixels, 0 when unknown. */
    public int standardHeight;
    /** License, may be empty. */
    public String license = "";
    /** Date text, may be empty. */
    public String date = "";
    /** Prediction type, may be empty. */
    public String predictionType = "";
    /** Usage hint, may be empty. */
    public String usageHint = "";
    /** Trigger phrase, may be empty. */
    public String triggerPhrase = "";
    /** Merge description, may be empty. */
    public String mergedFrom = "";
    /** Tags. */
    public List<String> tags = new ArrayList<>();
    /** {@code false} for legacy pickle formats ({@code .ckpt}, {@code .pt}, {@code .pth}, {@code .bin}). */
    public boolean isSupportedModelFormat = true;
    /** Whether it is a negative embedding. */
    public boolean isNegativeEmbedding;
    /** LoRA default weight, may be empty. */
    public String loraDefaultWeight = "";
    /** LoRA default confinement, may be empty. */
    public String loraDefaultConfinement = "";
    /** {@code true} for a file on this server; {@code false} for a model only a remote backend has. */
    public boolean local = true;
    /** File creation time, epoch milliseconds. */
    public long timeCreated;
    /** File modification time, epoch milliseconds. */
    public long timeModified;
    /** SHA-256 of the file as {@code 0x...} hex once computed, else {@code null}. */
    public String hashSha256;
    /** A special tensor format ({@code gguf}, {@code bnb_nf4}, {@code fp8_scaled}...), may be empty. */
    public String specialFormat = "";
}
