package apiary.itest.echo.internal;

import java.util.List;

import apiary.core.api.permission.PermissionGroup;
import apiary.core.api.permission.PermissionInfo;
import apiary.core.api.permission.PermissionLevel;
import apiary.core.api.permission.PermissionProvider;

import org.osgi.service.component.annotations.Component;

/** The test bundle's own permission. */
@Component
public class EchoPermissions implements PermissionProvider {
    static final String ECHO = "itest_echo";

    @Override
    public List<PermissionInfo> permissions() {
        return List.of(PermissionInfo.of(ECHO, "Integration Test Echo", "Call the integration-test echo routes.",
                PermissionLevel.USER, new PermissionGroup("Integration Tests", "Routes installed by the tests.")));
    }
}
