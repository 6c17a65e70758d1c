package apiary.core.server.internal.route;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import apiary.core.api.route.CallContext;
import apiary.core.api.route.Param;
import apiary.core.api.route.Route;
import apiary.core.api.route.RouteArea;
import apiary.core.api.route.WebSocketChannel;
import apiary.core.api.route.dto.FailedRouteDTO;
import apiary.core.api.session.Session;

/**
 * Reads the {@code @Route} methods of a route provider object into {@link RouteDefinition}s, refusing (with a
 * reason) every method the dispatcher could not call safely.
 */
final class RouteIntrospector {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    /** What one provider contributes: the valid routes and the refused declarations. */
    static final class Result {
        final List<RouteDefinition> routes = new ArrayList<>();
        final List<FailedRouteDTO> refused = new ArrayList<>();
    }

    private RouteIntrospector() {
    }

    static Result introspect(Object provider, ProviderRef ref) {
        Result result = new Result();
        Class<?> type = provider.getClass();
        RouteArea areaAnnotation = type.getAnnotation(RouteArea.class);
        String area = areaAnnotation != null ? areaAnnotation.value() : type.getSimpleName();
        String areaDescription = areaAnnotation != null ? areaAnnotation.description() : "";
        for (Method method : type.getMethods()) {
            Route route = method.getAnnotation(Route.class);
            if (route == null) {
                continue;
            }
            String name = route.name().isEmpty() ? method.getName() : route.name();
            try {
                result.routes.add(define(provider, ref, method, route, name, area, areaDescription));
            } catch (IllegalArgumentException e) {
                FailedRouteDTO refused = refusal(name, area, ref, e.getMessage());
                refused.handlerClass = method.getDeclaringClass().getName();
                refused.handlerMethod = method.getName();
                result.refused.add(refused);
            }
        }
        return result;
    }

    private static RouteDefinition define(Object provider, ProviderRef ref, Method method, Route route, String name,
            String area, String areaDescription) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("route name '" + name + "' must be letters, digits and underscores");
        }
        if (Modifier.isStatic(method.getModifiers())) {
            throw new IllegalArgumentException("method " + method.getName() + " must not be static");
        }
        if (!Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
            throw new IllegalArgumentException("class " + method.getDeclaringClass().getName() + " must be public");
        }
        List<ParamBinding> params = new ArrayList<>();
        Set<String> names = new HashSet<>();
        boolean webSocket = false;
        for (Parameter p : method.getParameters()) {
            ParamBinding binding = bind(method, p);
            if (binding.kind == ParamBinding.Kind.CHANNEL) {
                webSocket = true;
            }
            if (binding.isJson() && !names.add(binding.name)) {
                throw new IllegalArgumentException("parameter name '" + binding.name + "' is used twice");
            }
            params.add(binding);
        }
        if (route.maxRequestBytes() <= 0) {
            throw new IllegalArgumentException("maxRequestBytes of " + name + " must be positive");
        }
        if (!webSocket && method.getReturnType() == void.class) {
            throw new IllegalArgumentException("HTTP route " + name + " must return a value");
        }
        RouteInvoker handle = RouteInvoker.of(provider, method);
        return new RouteDefinition(name, area, areaDescription, route.permission(), route.description(),
                route.returns(), route.nonFinal(), route.userUpdate(), webSocket, route.maxRequestBytes(), params, ref, handle,
                method.getDeclaringClass().getName(), method.getName());
    }

    private static ParamBinding bind(Method method, Parameter p) {
        Param param = p.getAnnotation(Param.class);
        Class<?> type = p.getType();
        if (param == null) {
            if (type == Session.class) {
                return ParamBinding.injected(ParamBinding.Kind.SESSION, type);
            } else if (type == CallContext.class) {
                return ParamBinding.injected(ParamBinding.Kind.CONTEXT, type);
            } else if (type == WebSocketChannel.class) {
                return ParamBinding.injected(ParamBinding.Kind.CHANNEL, type);
            }
            throw new IllegalArgumentException("parameter '" + p.getName() + "' of " + method.getName()
                    + " has no @Param and is not an injectable type (Session, CallContext, WebSocketChannel)");
        }
        String name = param.name();
        if (name.isEmpty()) {
            if (!p.isNamePresent()) {
                throw new IllegalArgumentException("parameter " + p.getName() + " of " + method.getName()
                        + " needs @Param(name=...) or compiling with -parameters");
            }
            name = p.getName();
        }
        ParamType paramType = ParamType.of(type, p.getParameterizedType());
        if (paramType == null) {
            throw new IllegalArgumentException("parameter '" + name + "' has unsupported type " + p.getParameterizedType());
        }
        if (paramType == ParamType.JOBJECT) {
            if (!Param.REQUIRED.equals(param.defaultValue())) {
                throw new IllegalArgumentException("JObject parameter '" + name + "' receives the whole body and cannot have a default");
            }
            return ParamBinding.body(name, param.description());
        }
        return valueBinding(name, paramType, type, param);
    }

    private static ParamBinding valueBinding(String name, ParamType paramType, Class<?> type, Param param) {
        String def = param.defaultValue();
        if (Param.REQUIRED.equals(def)) {
            return ParamBinding.value(name, paramType, type, param.description(), "(REQUIRED)", true, null);
        }
        if (Param.NULL.equals(def)) {
            if (type.isPrimitive()) {
                throw new IllegalArgumentException("primitive parameter '" + name + "' cannot default to null");
            }
            return ParamBinding.value(name, paramType, type, param.description(), "(null)", false, null);
        }
        Object parsed = paramType == ParamType.STRING_ARRAY ? new String[0] : paramType.parse(def);
        if (parsed == null) {
            throw new IllegalArgumentException("default '" + def + "' of parameter '" + name + "' is not a valid "
                    + paramType.swarmName());
        }
        return ParamBinding.value(name, paramType, type, param.description(), docDefault(paramType, parsed, def), false, parsed);
    }

    /** SwarmUI's docs print C# defaults: {@code False}, {@code -1}, {@code all}, {@code (Empty String)}. */
    private static String docDefault(ParamType type, Object parsed, String raw) {
        if (type == ParamType.BOOLEAN) {
            return ((Boolean) parsed) ? "True" : "False";
        }
        return raw.isEmpty() && type == ParamType.STRING ? "(Empty String)" : raw;
    }

    private static FailedRouteDTO refusal(String name, String area, ProviderRef ref, String detail) {
        FailedRouteDTO dto = new FailedRouteDTO();
        dto.name = name;
        dto.area = area;
        dto.reason = FailedRouteDTO.INVALID_SIGNATURE;
        dto.detail = detail;
        dto.bundleId = ref.bundleId;
        dto.bundleSymbolicName = ref.bundleSymbolicName;
        dto.serviceId = ref.serviceId;
        return dto;
    }
}
