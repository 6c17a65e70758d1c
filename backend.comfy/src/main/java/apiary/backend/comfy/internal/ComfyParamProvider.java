package apiary.backend.comfy.internal;

import java.util.List;

import apiary.backend.comfy.internal.params.ComfyParams;
import apiary.core.api.t2i.T2IParam;
import apiary.core.api.t2i.T2IParamProvider;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Contributes the ComfyUI parameters ({@link ComfyParams}) to the parameter registry. */
@Component
public final class ComfyParamProvider implements T2IParamProvider {
    private final List<T2IParam<?>> params;

    /** @param driver the shared driver state (its sampler lists back the dropdowns) */
    @Activate
    public ComfyParamProvider(@Reference ComfyDriver driver) {
        this.params = ComfyParams.definitions(driver.services().samplers());
    }

    @Override
    public List<T2IParam<?>> params() {
        return params;
    }
}
