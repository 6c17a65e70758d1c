package apiary.core.models.internal.meta;

import java.util.function.Predicate;

/**
 * One model class (architecture) SwarmUI knows.
 *
 * @param id the class id, e.g. {@code stable-diffusion-xl-v1-base}
 * @param name the display name
 * @param compat the compatibility class id
 * @param width the standard width
 * @param height the standard height
 * @param lora whether its models are LoRA-style adapters
 * @param matches the tensor-key signature, or {@code null} for classes that are only set by metadata
 */
public record ModelClass(String id, String name, String compat, int width, int height, boolean lora, Predicate<TensorKeys> matches) {
    /** @param w a width @param h a height @return this class with another standard resolution */
    public ModelClass withResolution(int w, int h) {
        return new ModelClass(id, name, compat, w, h, lora, null);
    }
}
