package com.example.apiary.greeter;

import java.util.Map;

import apiary.core.api.route.Param;
import apiary.core.api.route.Route;
import apiary.core.api.route.RouteArea;
import apiary.core.api.route.RouteProvider;

import org.osgi.service.component.annotations.Component;

/** POST /API/Greet. */
@Component(service = RouteProvider.class)
@RouteArea(value = "GreeterExtension", description = "Greets people.")
public class GreeterRoutes implements RouteProvider {
    static final String GREETING = "Hello";

    @Route(permission = GreeterPermissions.GREET, description = "Greets someone.", returns = "\"greeting\": \"Hello, you!\"")
    public Map<String, Object> Greet(@Param(description = "Who to greet.", defaultValue = "world") String name) {
        return Map.of("greeting", GREETING + ", " + name + "!");
    }
}
