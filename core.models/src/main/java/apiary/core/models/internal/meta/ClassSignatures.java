package apiary.core.models.internal.meta;

/**
 * Tensor-key signatures of the model families: which tensor names (and sometimes shapes) a file of that family has.
 * The key names are facts about the published model formats.
 */
final class ClassSignatures {
    private ClassSignatures() {
    }

    static boolean alt(TensorKeys h) {
        return h.has("cond_stage_model.roberta.embeddings.word_embeddings.weight");
    }

    static boolean v1(TensorKeys h) {
        return h.any("cond_stage_model.transformer.text_model.embeddings.position_ids", "cond_stage_model.transformer.embeddings.position_ids");
    }

    static boolean v1Lora(TensorKeys h) {
        return h.has("lora_unet_up_blocks_3_attentions_2_transformer_blocks_0_ff_net_2.lora_up.weight");
    }

    static boolean v1ControlNet(TensorKeys h) {
        return h.any("input_blocks.1.0.emb_layers.1.bias", "control_model.input_blocks.1.0.emb_layers.1.bias");
    }

    static boolean v2(TensorKeys h) {
        return h.has("cond_stage_model.model.ln_final.bias");
    }

    static boolean v2Depth(TensorKeys h) {
        return h.has("depth_model.model.pretrained.act_postprocess3.0.project.0.bias");
    }

    static boolean v2Unclip(TensorKeys h) {
        return h.has("embedder.model.visual.transformer.resblocks.0.attn.in_proj_weight");
    }

    /** SD2 512 and 768 checkpoints share their keys; only the published file names tell them apart. */
    static boolean v2At512(TensorKeys h) {
        return h.nameContains("512-") || h.nameContains("-inpaint") || h.nameContains("base-");
    }

    static boolean xlBase(TensorKeys h) {
        return h.has("conditioner.embedders.0.transformer.text_model.embeddings.position_embedding.weight");
    }

    static boolean xlRefiner(TensorKeys h) {
        return h.has("conditioner.embedders.0.model.ln_final.bias");
    }

    static boolean xlLora(TensorKeys h) {
        return h.has("lora_unet_output_blocks_5_1_transformer_blocks_1_ff_net_2.lora_up.weight");
    }

    static boolean xlControlNet(TensorKeys h) {
        return h.has("controlnet_down_blocks.0.bias");
    }

    static boolean svd(TensorKeys h) {
        return h.has("model.diffusion_model.input_blocks.1.0.time_stack.emb_layers.1.bias");
    }

    static boolean controlLora(TensorKeys h) {
        return h.has("lora_controlnet");
    }

    static boolean turbo21(TensorKeys h) {
        return h.has("denoiser.sigmas") && xlRefiner(h);
    }

    private static long sd3Width(TensorKeys h) {
        return h.dim("model.diffusion_model.joint_blocks.0.context_block.attn.proj.bias", 0);
    }

    static boolean sd3Medium(TensorKeys h) {
        long w = sd3Width(h);
        return w > 0 && w != 2432;
    }

    static boolean sd3Large(TensorKeys h) {
        return sd3Width(h) == 2432;
    }

    static boolean ditControlNet(TensorKeys h) {
        return h.has("controlnet_blocks.0.bias") && h.has("transformer_blocks.0.ff.net.0.proj.bias");
    }

    static boolean fluxControlNet(TensorKeys h) {
        return ditControlNet(h) && h.has("transformer_blocks.0.attn.norm_added_k.weight");
    }

    static boolean cascadeA(TensorKeys h) {
        return h.has("vquantizer.codebook.weight");
    }

    static boolean cascadeB(TensorKeys h) {
        return (h.has("model.diffusion_model.clf.1.weight") && h.has("model.diffusion_model.clip_mapper.weight"))
                || (h.has("clf.1.weight") && h.has("clip_mapper.weight"));
    }

    static boolean cascadeC(TensorKeys h) {
        return (h.has("model.diffusion_model.clf.1.weight") && h.has("model.diffusion_model.clip_txt_mapper.weight"))
                || (h.has("clf.1.weight") && h.has("clip_txt_mapper.weight"));
    }

    private static boolean fluxBlocks(TensorKeys h) {
        return h.any("double_blocks.0.img_attn.norm.key_norm.scale", "model.diffusion_model.double_blocks.0.img_attn.norm.key_norm.scale");
    }

    private static boolean fluxGuidance(TensorKeys h) {
        return h.any("guidance_in.in_layer.bias", "model.diffusion_model.guidance_in.in_layer.bias");
    }

    static boolean fluxSchnell(TensorKeys h) {
        return fluxBlocks(h) && !fluxGuidance(h) && !chroma(h);
    }

    static boolean fluxDev(TensorKeys h) {
        return fluxBlocks(h) && fluxGuidance(h);
    }

    static boolean fluxLora(TensorKeys h) {
        for (int i = 0; i < 22; i++) {
            if (h.any("diffusion_model.double_blocks." + i + ".img_attn.proj.lora_down.weight",
                    "model.diffusion_model.double_blocks." + i + ".img_attn.proj.lora_down.weight",
                    "lora_unet_double_blocks_" + i + "_img_attn_proj.lora_down.weight",
                    "lora_unet_single_blocks_" + i + "_linear1.lora_down.weight",
                    "lora_transformer_single_transformer_blocks_" + i + "_attn_to_k.lora_down.weight",
                    "transformer.single_transformer_blocks." + i + ".attn.to_k.lora_A.weight",
                    "transformer.single_transformer_blocks." + i + ".proj_out.lora_A.weight")) {
                return true;
            }
        }
        return false;
    }

    static boolean sd35Lora(TensorKeys h) {
        return h.has("transformer.transformer_blocks.0.attn.to_k.lora_A.weight") && !fluxLora(h);
    }

    static boolean chroma(TensorKeys h) {
        return h.has("distilled_guidance_layer.in_proj.bias") && h.has("double_blocks.0.img_attn.proj.bias");
    }

    static boolean mochi(TensorKeys h) {
        return h.any("model.diffusion_model.blocks.0.attn.k_norm_x.weight", "diffusion_model.blocks.0.attn.k_norm_x.weight",
                "blocks.0.attn.k_norm_x.weight");
    }

    static boolean ltxv(TensorKeys h) {
        return h.any("model.diffusion_model.adaln_single.emb.timestep_embedder.linear_1.bias", "adaln_single.emb.timestep_embedder.linear_1.bias");
    }

    static boolean lumina2(TensorKeys h) {
        return h.any("model.diffusion_model.cap_embedder.0.weight", "cap_embedder.0.weight");
    }

    static boolean hiDream(TensorKeys h) {
        return h.has("caption_projection.0.linear.weight");
    }

    static boolean hunyuanVideo(TensorKeys h) {
        return h.any("model.model.txt_in.individual_token_refiner.blocks.1.self_attn.qkv.weight",
                "txt_in.individual_token_refiner.blocks.1.self_attn_qkv.weight");
    }

    private static long wanWidth(TensorKeys h) {
        for (String k : new String[] {"model.diffusion_model.blocks.0.cross_attn.k.bias", "blocks.0.cross_attn.k.bias"}) {
            if (h.has(k)) {
                return h.dim(k, 0);
            }
        }
        return -1;
    }

    static boolean wanImage(TensorKeys h) {
        return h.any("model.diffusion_model.blocks.0.cross_attn.k_img.bias", "blocks.0.cross_attn.k_img.bias");
    }

    static boolean wan13b(TensorKeys h) {
        return wanWidth(h) == 1536;
    }

    static boolean wan14b(TensorKeys h) {
        return wanWidth(h) == 5120;
    }

    static boolean qwenImage(TensorKeys h) {
        for (String p : new String[] {"", "model.diffusion_model."}) {
            if (h.has(p + "time_text_embed.timestep_embedder.linear_1.bias") && h.has(p + "img_in.bias")
                    && h.any(p + "transformer_blocks.0.attn.add_k_proj.bias", p + "transformer_blocks.0.attn.add_qkv_proj.bias")) {
                return true;
            }
        }
        return false;
    }

    /** The embedding tensor of a textual inversion file: {@code emb_params}, or a single {@code <token>} key. */
    static long embeddingWidth(TensorKeys h) {
        if (h.has("emb_params")) {
            return h.dim("emb_params", -1);
        }
        String only = null;
        for (String k : h.names()) {
            if (k.startsWith("<") && k.endsWith(">")) {
                if (only != null) {
                    return -1;
                }
                only = k;
            }
        }
        return only == null ? -1 : h.dim(only, -1);
    }

    static boolean xlEmbedding(TensorKeys h) {
        return h.dim("clip_g", 1) == 1280 && h.dim("clip_l", 1) == 768;
    }
}
