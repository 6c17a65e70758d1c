package apiary.core.models.internal.meta;

/**
 * A compatibility class: model classes whose models work together (an SDXL LoRA with an SDXL checkpoint).
 *
 * @param id the id, e.g. {@code stable-diffusion-xl-v1}
 * @param shortCode a short label for the UI, e.g. {@code SDXL}
 * @param text2Video whether it makes video from text
 * @param lorasTargetTextEnc whether its LoRAs may also change the text encoder
 */
public record CompatClass(String id, String shortCode, boolean text2Video, boolean lorasTargetTextEnc) {
}
