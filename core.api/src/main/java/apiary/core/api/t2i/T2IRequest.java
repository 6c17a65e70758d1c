package apiary.core.api.t2i;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import apiary.core.api.session.User;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The parsed parameters of one generation request (SwarmUI's {@code T2IParamInput}): every value validated,
 * coerced to its parameter's Java type, presets applied, seeds locked, prompts with wildcards filled. Immutable:
 * {@link #with} returns a changed copy (the pipeline uses it for each image's seed).
 */
@ProviderType
public interface T2IRequest {
    /** @return the user the request runs for (model access, output folder) */
    User user();

    /**
     * @param key a parameter key
     * @param <T> the value type
     * @return the value the request set, if it set one
     */
    <T> Optional<T> get(T2IParamKey<T> key);

    /**
     * @param key a parameter key
     * @param <T> the value type
     * @return the value the request set, else the parameter's registered default; {@code null} when neither exists
     */
    <T> T getOrDefault(T2IParamKey<T> key);

    /** @return every set value by parameter id, in the order the parameters are registered */
    Map<String, Object> values();

    /**
     * @param key a parameter key
     * @param value the new value, or {@code null} to unset it
     * @param <T> the value type
     * @return a copy with the value changed (not validated again)
     */
    <T> T2IRequest with(T2IParamKey<T> key, T value);

    /** @return the feature flags a backend must support: the union of the flags of every set parameter */
    Set<String> requiredFeatures();

    /**
     * @return the models the request uses by model subtype ({@code Stable-Diffusion}, {@code VAE}, {@code LoRA},
     *         {@code Embedding}...), for the scheduler's "backend lacks the model" check
     */
    Map<String, Set<String>> usedModels();

    /** @return the request's {@code extra_metadata} object, copied into the image metadata; never null */
    Map<String, Object> extraMetadata();
}
