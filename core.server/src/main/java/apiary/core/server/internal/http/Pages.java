package apiary.core.server.internal.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The few HTML pages the server answers itself: SwarmUI's error pages, each with its proper status, and a landing
 * page at {@code /Text2Image} (the web UI is not part of this server).
 */
final class Pages {
    private static final class Page {
        final int status;
        final String title;
        final String text;

        Page(int status, String title, String text) {
            this.status = status;
            this.title = title;
            this.text = text;
        }
    }

    private static final Map<String, Page> ERRORS = Map.of(
            "404", new Page(404, "404: Not Found", "The page you requested does not exist."),
            "basicapi", new Page(400, "Invalid API request", "This API request was malformed. API calls are POST requests with a JSON body and a session_id."),
            "internal", new Page(500, "Internal Error", "The server had an internal error while handling this request. The server log has the details."),
            // 200, as SwarmUI serves it: clients health-check with a GET on /API/GetNewSession, follow the redirect
            // and take anything but 200 for "server down".
            "nogetapi", new Page(200, "API calls need POST", "API routes under /API/ are called with POST and a JSON body (or over WebSocket for routes ending in WS), not opened in a browser."),
            "permissions", new Page(403, "Permission Denied", "You do not have permission to view this page."));

    private static final Page TEXT2IMAGE = new Page(200, "Apiary",
            "Apiary is running. It speaks SwarmUI's API: POST /API/GetNewSession to begin. The API description is at <a href=\"/openapi.json\">/openapi.json</a>.");

    private Pages() {
    }

    /**
     * @param name the page name after {@code /Error/}, any case
     */
    static void error(String name, Response response, Callback callback) {
        Page page = ERRORS.get(name.toLowerCase(java.util.Locale.ROOT));
        write(page == null ? ERRORS.get("404") : page, response, callback);
    }

    static void text2Image(Response response, Callback callback) {
        write(TEXT2IMAGE, response, callback);
    }

    private static void write(Page page, Response response, Callback callback) {
        String html = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + page.title
                + "</title></head><body><h1>" + page.title + "</h1><p>" + page.text + "</p></body></html>\n";
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        response.setStatus(page.status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }
}
