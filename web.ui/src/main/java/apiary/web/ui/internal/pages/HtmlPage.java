package apiary.web.ui.internal.pages;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import apiary.core.api.route.CallContext;
import apiary.core.api.web.WebFile;
import apiary.core.api.web.WebFileProvider;
import apiary.web.ui.internal.assets.AssetFolder;

/**
 * One HTML page of the UI: a small shell ({@code pages/<name>.html}) that loads its ES module; the page itself is
 * never cached (it names the server's current state), its scripts and styles are. {@code {{name}}} marks in the
 * shell are filled per request by {@link #values}.
 */
abstract class HtmlPage implements WebFileProvider {
    private final String template;

    HtmlPage(AssetFolder assets, String name) {
        this.template = assets.text("pages/" + name + ".html");
    }

    /** @return the marks to fill in, by name; the values must already be safe HTML */
    Map<String, String> values(CallContext context) {
        return Map.of();
    }

    @Override
    public WebFile serve(String path, Map<String, String> query, CallContext context) {
        String html = template;
        for (Map.Entry<String, String> e : values(context).entrySet()) {
            html = html.replace("{{" + e.getKey() + "}}", e.getValue());
        }
        return WebFile.of("text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), 0);
    }
}
