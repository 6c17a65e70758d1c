package apiary.core.api.model;

/** A compatibility class (models that work together), as {@code ListT2IParams} lists it under {@code model_compat_classes}. */
public class CompatClassDTO {
    /** The id, e.g. {@code stable-diffusion-xl-v1}. */
    public String id;
    /** A short code shown in the UI, e.g. {@code SDXL}. */
    public String shortCode;
    /** Whether its models make video. */
    public boolean isText2Video;
    /** Whether its LoRAs also target the text encoder. */
    public boolean lorasTargetTextEnc;
}
