package apiary.backend.comfy.internal.info;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The sampler and scheduler names the {@code sampler}/{@code scheduler} parameters offer: a built-in list of
 * ComfyUI's names, extended with every option the running ComfyUI servers list for {@code KSampler}/{@code
 * SwarmKSampler}. Shared by all backends of this bundle; thread-safe.
 */
public final class SamplerCatalog {
    private static final List<String> SAMPLERS = List.of("euler", "euler_ancestral", "heun", "heunpp2", "dpm_2",
            "dpm_2_ancestral", "lms", "dpm_fast", "dpm_adaptive", "dpmpp_2s_ancestral", "dpmpp_sde", "dpmpp_2m",
            "dpmpp_2m_sde", "dpmpp_3m_sde", "ddpm", "lcm", "ipndm", "ipndm_v", "deis", "ddim", "uni_pc", "uni_pc_bh2");
    private static final List<String> SCHEDULERS = List.of("normal", "karras", "exponential", "simple",
            "sgm_uniform", "beta", "ddim_uniform", "linear_quadratic", "kl_optimal");

    private final Set<String> samplers = new LinkedHashSet<>(SAMPLERS);
    private final Set<String> schedulers = new LinkedHashSet<>(SCHEDULERS);

    /** @param info a server's object_info whose options are added */
    public synchronized void learn(ObjectInfo info) {
        for (String node : List.of("KSampler", "SwarmKSampler")) {
            samplers.addAll(info.combo(node, "sampler_name"));
            schedulers.addAll(info.combo(node, "scheduler"));
        }
    }

    /** @return the sampler names now */
    public synchronized List<String> samplers() {
        return new ArrayList<>(samplers);
    }

    /** @return the scheduler names now */
    public synchronized List<String> schedulers() {
        return new ArrayList<>(schedulers);
    }
}
