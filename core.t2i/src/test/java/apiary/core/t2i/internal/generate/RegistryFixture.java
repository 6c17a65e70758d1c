package apiary.core.t2i.internal.generate;

import java.util.List;

import apiary.core.api.permission.PermissionGroup;
import apiary.core.api.permission.PermissionInfo;
import apiary.core.api.permission.PermissionLevel;
import apiary.core.t2i.internal.params.CoreParamProvider;
import apiary.core.t2i.internal.params.ModelCatalog;
import apiary.core.t2i.internal.params.T2IParamRegistryImpl;

/** A parameter registry serving the core table, for unit tests. */
final class RegistryFixture {
    private RegistryFixture() {
    }

    static T2IParamRegistryImpl registry(ModelCatalog catalog) {
        T2IParamRegistryImpl r = new T2IParamRegistryImpl(catalog);
        r.catalogueChanged(List.of(perm("model_params"), perm("param_backend_type"), perm("param_backend_id")));
        r.register(1, 0, "core.t2i", new CoreParamProvider(catalog));
        return r;
    }

    private static PermissionInfo perm(String id) {
        return PermissionInfo.of(id, id, "", PermissionLevel.USER, PermissionGroup.USER);
    }
}
