package apiary.core.server.internal.route;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Calls a route's Java method on its provider with the bound arguments. Plain reflection rather than a spread
 * method handle: adapting a handle to each route's signature spins method-handle classes at registration, about a
 * hundred of them at start-up, while a reflective call costs the same once warm.
 */
public final class RouteInvoker {
    private final Object provider;
    private final Method method;

    private RouteInvoker(Object provider, Method method) {
        this.provider = provider;
        this.method = method;
    }

    /**
     * @throws IllegalArgumentException when the method or its class is not public
     */
    static RouteInvoker of(Object provider, Method method) {
        if (!Modifier.isPublic(method.getModifiers()) || !Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
            throw new IllegalArgumentException("method " + method.getName() + " is not accessible: it and its class must be public");
        }
        return new RouteInvoker(provider, method);
    }

    /**
     * @param args one per Java parameter, in declaration order
     * @return what the method returned
     * @throws Throwable what the method threw, as it threw it
     */
    public Object invoke(Object[] args) throws Throwable {
        try {
            return method.invoke(provider, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
