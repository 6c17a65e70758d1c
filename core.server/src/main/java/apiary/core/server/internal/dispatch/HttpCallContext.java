package apiary.core.server.internal.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import apiary.core.api.route.CallContext;

import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/** {@link CallContext} over a Jetty request; also the base of the WebSocket variant (which has no response). */
class HttpCallContext implements CallContext {
    private final String remoteAddress;
    private final HttpFields headers;
    private final List<HttpCookie> cookies;
    private final Response response;

    HttpCallContext(Request request, Response response) {
        this.remoteAddress = Request.getRemoteAddr(request);
        this.headers = request.getHeaders().asImmutable();
        this.cookies = Request.getCookies(request);
        this.response = response;
    }

    @Override
    public String remoteAddress() {
        return remoteAddress;
    }

    @Override
    public List<String> forwardedFor() {
        List<String> out = new ArrayList<>();
        for (HttpField field : headers) {
            if (field.getName().equalsIgnoreCase("X-Forwarded-For")) {
                for (String part : field.getValue().split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.trim());
                    }
                }
            }
        }
        return out;
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    @Override
    public Optional<String> cookie(String name) {
        for (HttpCookie c : cookies) {
            if (c.getName().equals(name)) {
                return Optional.of(c.getValue());
            }
        }
        return Optional.empty();
    }

    @Override
    public void setCookie(String name, String value, long maxAgeSeconds, boolean httpOnly) {
        if (response == null) {
            return;
        }
        Response.addCookie(response, HttpCookie.build(name, value)
                .path("/")
                .maxAge(Math.max(maxAgeSeconds, 0))
                .httpOnly(httpOnly)
                .sameSite(HttpCookie.SameSite.LAX)
                .build());
    }

    @Override
    public boolean isWebSocket() {
        return response == null;
    }
}
