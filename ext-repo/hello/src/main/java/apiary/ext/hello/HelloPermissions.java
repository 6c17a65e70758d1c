package apiary.ext.hello;

import java.util.List;

import apiary.core.api.permission.PermissionGroup;
import apiary.core.api.permission.PermissionInfo;
import apiary.core.api.permission.PermissionLevel;
import apiary.core.api.permission.PermissionProvider;

import org.osgi.service.component.annotations.Component;

/** The permission the Hello route needs; every user has it by default. */
@Component
public class HelloPermissions implements PermissionProvider {
    static final String USE = "hello_use";

    @Override
    public List<PermissionInfo> permissions() {
        return List.of(PermissionInfo.of(USE, "Use Hello", "Call the Hello route.", PermissionLevel.USER,
                new PermissionGroup("Hello", "The hello extension.")));
    }
}
