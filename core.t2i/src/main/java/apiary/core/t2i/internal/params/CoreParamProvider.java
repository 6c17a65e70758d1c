package apiary.core.t2i.internal.params;

import java.util.ArrayList;
import java.util.List;

import apiary.core.api.t2i.T2IParam;
import apiary.core.api.t2i.T2IParamProvider;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * SwarmUI's core parameter table (behaviour spec §A.7), contributed through the same whiteboard as any extension's
 * parameters: an extension registering one of these ids with a higher service ranking replaces it.
 */
@Component
public final class CoreParamProvider implements T2IParamProvider {
    private final List<T2IParam<?>> params;

    /** @param models the model lists behind the VAE, refiner and LoRA value lists */
    @Activate
    public CoreParamProvider(@Reference ModelCatalog models) {
        this.params = table(models);
    }

    /** @param models the model lists @return the whole core table */
    public static List<T2IParam<?>> table(ModelCatalog models) {
        List<T2IParam<?>> out = new ArrayList<>(PromptParams.all());
        out.addAll(ImageParams.all(models));
        out.addAll(ControlNetParams.all());
        out.addAll(ModelParams.all(models));
        out.addAll(InternalParams.all(models));
        return List.copyOf(out);
    }

    @Override
    public List<T2IParam<?>> params() {
        return params;
    }
}
