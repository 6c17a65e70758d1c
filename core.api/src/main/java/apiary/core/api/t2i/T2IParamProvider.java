package apiary.core.api.t2i;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service through which a bundle contributes text-to-image parameters: the core's own set, a backend
 * driver's (sampler lists), an extension's. The {@link T2IParamRegistry} reads {@link #params()} when the service
 * appears and drops them when it leaves. A parameter whose id another provider already serves with a higher
 * service ranking is listed as shadowed; an invalid one (no id, a default that does not parse, a permission nobody
 * declares) is refused; both with the reason in the registry's runtime view.
 *
 * <pre>{@code
 * @Component
 * public final class MyParams implements T2IParamProvider {
 *     public List<T2IParam<?>> params() {
 *         return List.of(T2IParam.decimal("Glow Strength", 0.5).range(0, 1).describedAs("How much glow."));
 *     }
 * }
 * }</pre>
 */
@ConsumerType
public interface T2IParamProvider {
    /** @return the parameters, read once per registration; must not change while registered */
    List<T2IParam<?>> params();
}
