package apiary.core.api.model;

/** One model class (architecture) as {@code ListT2IParams} lists it under {@code model_classes}. */
public class ModelClassDTO {
    /** The class id, e.g. {@code stable-diffusion-v1}. */
    public String id;
    /** Display name. */
    public String name;
    /** Its compatibility class id. */
    public String compatClass;
    /** Standard width in pixels. */
    public int standardWidth;
    /** Standard height in pixels. */
    public int standardHeight;
}
