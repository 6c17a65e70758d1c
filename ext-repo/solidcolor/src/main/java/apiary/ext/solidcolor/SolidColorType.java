package apiary.ext.solidcolor;

import java.util.List;

import apiary.core.api.backend.Backend;
import apiary.core.api.backend.BackendContext;
import apiary.core.api.backend.BackendType;
import apiary.core.api.backend.BackendTypeInfo;
import apiary.core.api.settings.SettingDef;

import org.osgi.service.component.annotations.Component;

/** The backend type: what AddNewBackend offers as {@code solid_color}. */
@Component
public class SolidColorType implements BackendType {
    @Override
    public BackendTypeInfo info() {
        return BackendTypeInfo.of("solid_color", "Solid Color", "Paints every image in one color (an example backend).",
                List.of(SettingDef.integer("MaxSize", 2048, "The largest width or height it paints.")))
                .withFastLoad();
    }

    @Override
    public Backend create(BackendContext context) {
        return new SolidColorBackend(context);
    }
}
