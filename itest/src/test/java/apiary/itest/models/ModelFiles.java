package apiary.itest.models;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Writes real, tiny safetensors files for the tests: F16 tensors under the key signatures of each architecture. */
public final class ModelFiles {
    /** Key signatures of the families the tests use. */
    public static final String[] SD1 = {"cond_stage_model.transformer.text_model.embeddings.position_ids", "model.diffusion_model.out.2.weight"};
    public static final String[] SDXL = {"conditioner.embedders.0.transformer.text_model.embeddings.position_embedding.weight"};
    public static final String[] FLUX_DEV = {"double_blocks.0.img_attn.norm.key_norm.scale", "guidance_in.in_layer.bias"};
    public static final String[] SD1_LORA = {"lora_unet_up_blocks_3_attentions_2_transformer_blocks_0_ff_net_2.lora_up.weight"};

    private ModelFiles() {
    }

    /**
     * @param file where to write
     * @param metadata {@code __metadata__} strings
     * @param keys tensor names (each shape [4], F16)
     * @return the file
     */
    public static Path write(Path file, Map<String, String> metadata, String... keys) throws IOException {
        Map<String, Object> header = new LinkedHashMap<>();
        if (!metadata.isEmpty()) {
            header.put("__metadata__", metadata);
        }
        long offset = 0;
        for (String k : keys) {
            header.put(k, Map.of("dtype", "F16", "shape", List.of(4), "data_offsets", List.of(offset, offset + 8)));
            offset += 8;
        }
        byte[] json = new ObjectMapper().writeValueAsBytes(header);
        ByteBuffer out = ByteBuffer.allocate(8 + json.length + (int) offset).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(json.length).put(json);
        for (int i = 0; i < offset; i++) {
            out.put((byte) i);
        }
        Files.createDirectories(file.getParent());
        return Files.write(file, out.array());
    }

    /** @return a file whose first 8 bytes announce {@code length} header bytes, followed by {@code rest} */
    public static Path raw(Path file, long length, String rest) throws IOException {
        byte[] tail = rest.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + tail.length).order(ByteOrder.LITTLE_ENDIAN).putLong(length).put(tail);
        Files.createDirectories(file.getParent());
        return Files.write(file, b.array());
    }
}
