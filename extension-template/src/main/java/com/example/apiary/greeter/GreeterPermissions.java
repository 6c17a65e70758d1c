package com.example.apiary.greeter;

import java.util.List;

import apiary.core.api.permission.PermissionGroup;
import apiary.core.api.permission.PermissionInfo;
import apiary.core.api.permission.PermissionLevel;
import apiary.core.api.permission.PermissionProvider;

import org.osgi.service.component.annotations.Component;

/** The permission the route needs; users have it by default. */
@Component
public class GreeterPermissions implements PermissionProvider {
    static final String GREET = "greeter_greet";

    @Override
    public List<PermissionInfo> permissions() {
        return List.of(PermissionInfo.of(GREET, "Greet", "Call the Greet route.", PermissionLevel.USER,
                new PermissionGroup("Greeter", "The greeter extension.")));
    }
}
