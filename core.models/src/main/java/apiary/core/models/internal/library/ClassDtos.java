package apiary.core.models.internal.library;

import java.util.ArrayList;
import java.util.List;

import apiary.core.api.model.CompatClassDTO;
import apiary.core.api.model.ModelClassDTO;
import apiary.core.models.internal.meta.ModelClassTable;

/** The class table as the {@code ModelLibrary} API's DTOs. */
final class ClassDtos {
    private ClassDtos() {
    }

    static List<ModelClassDTO> models(ModelClassTable classes) {
        List<ModelClassDTO> out = new ArrayList<>();
        classes.classes().forEach(c -> {
            ModelClassDTO d = new ModelClassDTO();
            d.id = c.id();
            d.name = c.name();
            d.compatClass = c.compat();
            d.standardWidth = c.width();
            d.standardHeight = c.height();
            out.add(d);
        });
        return out;
    }

    static List<CompatClassDTO> compat(ModelClassTable classes) {
        List<CompatClassDTO> out = new ArrayList<>();
        classes.compatClasses().forEach(c -> {
            CompatClassDTO d = new CompatClassDTO();
            d.id = c.id();
            d.shortCode = c.shortCode();
            d.isText2Video = c.text2Video();
            d.lorasTargetTextEnc = c.lorasTargetTextEnc();
            out.add(d);
        });
        return out;
    }
}
