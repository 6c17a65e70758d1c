package apiary.core.server.internal.dispatch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import apiary.core.api.route.ApiError;
import apiary.core.api.route.CallContext;
import apiary.core.api.route.WebSocketChannel;
import apiary.core.api.session.Session;
import apiary.core.server.internal.json.JsonCodec;
import apiary.core.server.internal.route.ParamBinding;
import apiary.core.server.internal.route.ParamType;
import apiary.core.server.internal.route.RouteDefinition;

/**
 * Turns a request body into the argument list of a route method, with SwarmUI's coercion and its exact error
 * texts ({@code Missing required parameter 'x'}, {@code Invalid value 'v' for parameter 'x', must be type 'Int32'}).
 */
final class ArgumentBinder {
    static final String SESSION_KEY = "session_id";

    private ArgumentBinder() {
    }

    static Object[] bind(RouteDefinition route, Map<String, Object> body, Session session, CallContext context,
            WebSocketChannel channel) {
        List<ParamBinding> params = route.params();
        Object[] args = new Object[params.size()];
        Map<String, Object> bodyWithoutSession = null;
        for (int i = 0; i < args.length; i++) {
            ParamBinding p = params.get(i);
            switch (p.kind()) {
                case SESSION:
                    args[i] = session;
                    break;
                case CONTEXT:
                    args[i] = context;
                    break;
                case CHANNEL:
                    args[i] = channel;
                    break;
                case BODY:
                    if (bodyWithoutSession == null) {
                        bodyWithoutSession = new LinkedHashMap<>(body);
                        bodyWithoutSession.remove(SESSION_KEY);
                    }
                    args[i] = bodyWithoutSession;
                    break;
                default:
                    args[i] = value(p, body);
            }
        }
        return args;
    }

    private static Object value(ParamBinding p, Map<String, Object> body) {
        if (!body.containsKey(p.name())) {
            if (p.required()) {
                throw new ApiError("Missing required parameter '" + p.name() + "'");
            }
            return p.defaultValue();
        }
        Object json = body.get(p.name());
        if (p.type() == ParamType.STRING_ARRAY) {
            return stringArray(json);
        }
        String text = ParamType.text(json, JsonCodec::indented);
        Object parsed = p.type().parse(text);
        if (parsed == null) {
            throw new ApiError("Invalid value '" + text + "' for parameter '" + p.name() + "', must be type '"
                    + p.type().swarmName() + "'");
        }
        return parsed;
    }

    private static String[] stringArray(Object json) {
        if (!(json instanceof List)) {
            return new String[0];
        }
        List<?> list = (List<?>) json;
        String[] out = new String[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ParamType.text(list.get(i), JsonCodec::indented);
        }
        return out;
    }
}
