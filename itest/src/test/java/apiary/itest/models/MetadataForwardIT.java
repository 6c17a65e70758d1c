package apiary.itest.models;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import apiary.itest.Api;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * ForwardMetadataRequest through the running server: it fetches JSON only from the hosts or origins that
 * {@code metadata.forwardmetadatahosts} lists, so it cannot be turned against this server's own network; it never
 * follows a redirect and says plainly what went wrong.
 */
public class MetadataForwardIT extends ModelsTestSupport {
    private static final String HOSTS = "metadata.forwardmetadatahosts";
    private Object savedHosts;

    @Before
    public void saveHosts() {
        savedHosts = settings.get(HOSTS);
    }

    @After
    public void restoreHosts() {
        settings.change(Map.of(HOSTS, savedHosts));
    }

    private String error(String url) {
        Api.Reply r = call("ForwardMetadataRequest", "url", url);
        assertEquals(r.toString(), 200, r.status);
        return (String) r.get("error");
    }

    @Test
    public void onlyAllowedOriginsAreFetched() throws Exception {
        try (TinyHttpServer http = new TinyHttpServer()) {
            http.put("/api/v1/model-versions/by-hash/abc", "{\"id\": 7, \"name\": \"Civit model\"}".getBytes(StandardCharsets.UTF_8));
            String url = http.url("/api/v1/model-versions/by-hash/abc");
            String refused = error(url);
            assertTrue(refused, refused.startsWith("Invalid URL: this server only forwards metadata requests to civitai.com"));

            String origin = url.substring(0, url.indexOf("/api/"));
            settings.change(Map.of(HOSTS, List.of("civitai.com", origin)));
            Map<?, ?> response = (Map<?, ?>) call("ForwardMetadataRequest", "url", url).get("response");
            assertEquals(Map.of("id", 7, "name", "Civit model"), response);

            String otherPort = origin.replaceFirst(":\\d+$", ":1");
            assertTrue(error(otherPort + "/x").startsWith("Invalid URL: "));
            assertTrue(error(origin.replace("127.0.0.1", "localhost") + "/x").startsWith("Invalid URL: "));
        }
    }

    @Test
    public void aBareHostAllowsOnlyHttpsToItAndNothingElse() {
        settings.change(Map.of(HOSTS, List.of("civitai.com")));
        for (String url : List.of("http://civitai.com/api/x", "https://civitai.com:8443/api/x", "https://civitai.com.evil.example/x",
                "https://evil.example/?u=https://civitai.com/", "https://user@civitai.com/x", "file:///etc/passwd",
                "ftp://civitai.com/x", "not a url", "http://127.0.0.1/x", "http://[::1]/x", "http://169.254.169.254/latest")) {
            assertTrue(url + ": " + error(url), error(url).startsWith("Invalid URL"));
        }
    }

    @Test
    public void redirectsAreNotFollowedAndBadAnswersAreReported() throws Exception {
        try (TinyHttpServer http = new TinyHttpServer()) {
            http.putRedirect("/moved", "http://169.254.169.254/latest/meta-data/");
            http.put("/text", "not json".getBytes(StandardCharsets.UTF_8));
            String origin = http.url("");
            settings.change(Map.of(HOSTS, List.of(origin)));
            assertEquals("The metadata server answered HTTP 302.", error(http.url("/moved")));
            assertEquals("The metadata answer is not JSON.", error(http.url("/text")));
            assertEquals("The metadata server answered HTTP 404.", error(http.url("/missing")));
        }
    }
}
