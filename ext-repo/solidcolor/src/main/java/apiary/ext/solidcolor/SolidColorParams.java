package apiary.ext.solidcolor;

import java.util.List;

import apiary.core.api.t2i.T2IParam;
import apiary.core.api.t2i.T2IParamKey;
import apiary.core.api.t2i.T2IParamProvider;

import org.osgi.service.component.annotations.Component;

/**
 * The parameter solid color backends read. It requires their feature, so a request that sets it is only given to a
 * backend that has it.
 */
@Component
public class SolidColorParams implements T2IParamProvider {
    /** The feature flag the backends report and the parameter requires. */
    static final String FEATURE = "solid_color";
    /** How the backend reads the parameter (its id is the cleaned name). */
    static final T2IParamKey<String> COLOR = T2IParamKey.text("solidcolor");

    @Override
    public List<T2IParam<?>> params() {
        return List.of(T2IParam.text("Solid Color", "#808080")
                .describedAs("The color of the whole image, as #RRGGBB.").requiresFeature(FEATURE));
    }
}
