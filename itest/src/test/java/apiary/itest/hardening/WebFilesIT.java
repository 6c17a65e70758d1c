package apiary.itest.hardening;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import apiary.core.api.route.CallContext;
import apiary.core.api.web.WebFile;
import apiary.core.api.web.WebFileProvider;
import apiary.itest.ApiaryTestSupport;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.ServiceRegistration;

/**
 * The web-file whiteboard through the real server: files streamed from disk with ranges, validators and HEAD; a file
 * gone before it is sent; in-memory answers; exact-path providers that take over the core's own pages.
 */
public class WebFilesIT extends ApiaryTestSupport {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private Path dir;
    private byte[] content;

    @Before
    public void setUp() throws IOException {
        dir = Path.of(System.getProperty("apiary.itest.workDir", "target")).resolve("webfiles-" + UUID.randomUUID());
        Files.createDirectories(dir);
        content = new byte[300_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31 + 7);
        }
        Files.write(dir.resolve("data.bin"), content);
        provide("/ItestFiles/", (path, query, ctx) -> path.contains("/") ? WebFile.error(400, "bad", "bad_path")
                : WebFile.ofFile(dir.resolve(path), "application/octet-stream", 30));
    }

    @After
    public void tearDown() {
        registrations.forEach(ServiceRegistration::unregister);
    }

    private interface Provider {
        WebFile serve(String path, Map<String, String> query, CallContext context);
    }

    private ServiceRegistration<?> provide(String prefix, Provider provider) {
        return provide(prefix, provider, 0);
    }

    private ServiceRegistration<?> provide(String prefix, Provider provider, int ranking) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(WebFileProvider.PREFIX, prefix);
        props.put(org.osgi.framework.Constants.SERVICE_RANKING, ranking);
        ServiceRegistration<WebFileProvider> r = context.registerService(WebFileProvider.class, provider::serve, props);
        registrations.add(r);
        return r;
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(api().uri(path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    @Test
    public void aFileIsStreamedWithValidators() throws Exception {
        HttpResponse<byte[]> r = get("/ItestFiles/data.bin");
        assertEquals(200, r.statusCode());
        assertArrayEquals(content, r.body());
        assertEquals("300000", header(r, "Content-Length"));
        assertEquals("bytes", header(r, "Accept-Ranges"));
        assertEquals("private, max-age=30", header(r, "Cache-Control"));
        assertEquals("application/octet-stream", header(r, "Content-Type"));
        String etag = header(r, "ETag");
        String modified = header(r, "Last-Modified");
        assertTrue(etag, etag.startsWith("\"") && etag.endsWith("\""));

        assertEquals(304, get("/ItestFiles/data.bin", "If-None-Match", etag).statusCode());
        assertEquals(304, get("/ItestFiles/data.bin", "If-None-Match", "\"other\", " + etag).statusCode());
        assertEquals(200, get("/ItestFiles/data.bin", "If-None-Match", "\"other\"").statusCode());
        HttpResponse<byte[]> notModified = get("/ItestFiles/data.bin", "If-Modified-Since", modified);
        assertEquals(304, notModified.statusCode());
        assertEquals(0, notModified.body().length);
        assertEquals(200, get("/ItestFiles/data.bin", "If-Modified-Since", "Thu, 01 Jan 1998 00:00:00 GMT").statusCode());
    }

    @Test
    public void rangesAreServed() throws Exception {
        HttpResponse<byte[]> part = get("/ItestFiles/data.bin", "Range", "bytes=1000-1999");
        assertEquals(206, part.statusCode());
        assertEquals("bytes 1000-1999/300000", header(part, "Content-Range"));
        assertArrayEquals(Arrays.copyOfRange(content, 1000, 2000), part.body());

        HttpResponse<byte[]> tail = get("/ItestFiles/data.bin", "Range", "bytes=-10");
        assertEquals(206, tail.statusCode());
        assertArrayEquals(Arrays.copyOfRange(content, content.length - 10, content.length), tail.body());

        HttpResponse<byte[]> open = get("/ItestFiles/data.bin", "Range", "bytes=299990-");
        assertEquals("bytes 299990-299999/300000", header(open, "Content-Range"));

        HttpResponse<byte[]> beyond = get("/ItestFiles/data.bin", "Range", "bytes=300000-");
        assertEquals(416, beyond.statusCode());
        assertEquals("bytes */300000", header(beyond, "Content-Range"));

        String etag = header(get("/ItestFiles/data.bin"), "ETag");
        assertEquals(206, get("/ItestFiles/data.bin", "Range", "bytes=0-9", "If-Range", etag).statusCode());
        HttpResponse<byte[]> changed = get("/ItestFiles/data.bin", "Range", "bytes=0-9", "If-Range", "\"stale\"");
        assertEquals(200, changed.statusCode());
        assertEquals(content.length, changed.body().length);
    }

    @Test
    public void headSendsTheHeadersOnly() throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(api().uri("/ItestFiles/data.bin"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        assertEquals("300000", header(r, "Content-Length"));
        assertEquals(0, r.body().length);
    }

    @Test
    public void aVanishedFileIsSwarmUIs404() throws Exception {
        HttpResponse<byte[]> r = get("/ItestFiles/gone.bin");
        assertEquals(404, r.statusCode());
        assertEquals("{\"error\":\"404, file not found.\",\"error_id\":\"file_not_found\"}", new String(r.body(), StandardCharsets.UTF_8));
    }

    @Test
    public void streamingLeavesNoFileOpen() throws Exception {
        get("/ItestFiles/data.bin");
        long before = openFiles();
        for (int i = 0; i < 200; i++) {
            assertEquals(206, get("/ItestFiles/data.bin", "Range", "bytes=0-99").statusCode());
            assertEquals(200, get("/ItestFiles/data.bin").statusCode());
        }
        // Generous slack for whatever else the JVM opens meanwhile; 400 leaked files would show.
        long after = openFiles();
        assertTrue(before + " -> " + after, after - before < 100);
    }

    private static long openFiles() throws IOException {
        try (var s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        }
    }

    @Test
    public void inMemoryAnswersAreSentAsGiven() throws Exception {
        byte[] page = "<p>memory</p>".getBytes(StandardCharsets.UTF_8);
        provide("/ItestMemory/", (path, query, ctx) -> WebFile.of("text/html", page, 0));
        HttpResponse<byte[]> r = get("/ItestMemory/x");
        assertEquals(200, r.statusCode());
        assertArrayEquals(page, r.body());
        assertEquals("no-store", header(r, "Cache-Control"));
    }

    @Test
    public void anExactPathTakesOverACorePage() throws Exception {
        byte[] ui = "<html>the UI</html>".getBytes(StandardCharsets.UTF_8);
        // Ranked above the distribution's web UI (bundle web.ui), which serves /Text2Image itself.
        ServiceRegistration<?> page = provide("/Text2Image", (path, query, ctx) -> WebFile.of("text/html", ui, 0), 100);
        ServiceRegistration<?> root = provide("/", (path, query, ctx) -> WebFile.of("text/html", ui, 0));
        assertArrayEquals(ui, get("/Text2Image").body());
        assertArrayEquals(ui, get("/text2image").body());
        HttpResponse<byte[]> r = get("/");
        assertEquals(200, r.statusCode());
        assertArrayEquals(ui, r.body());
        // "/" names the root page only, not everything below it.
        assertEquals(302, get("/no/such/page").statusCode());
        page.unregister();
        root.unregister();
        registrations.remove(page);
        registrations.remove(root);
        // Back to the distribution's page: the web UI's shell.
        assertTrue(new String(get("/Text2Image").body(), StandardCharsets.UTF_8).contains("js/app.js"));
        assertEquals(302, get("/").statusCode());
    }

    @Test
    public void anExactPathBeatsAPrefixAndReservedPathsStayTheCores() throws Exception {
        provide("/ItestFiles/exact", (path, query, ctx) -> WebFile.of("text/plain", "exact".getBytes(StandardCharsets.UTF_8), 0));
        assertEquals("exact", new String(get("/ItestFiles/exact").body(), StandardCharsets.UTF_8));
        provide("/API/", (path, query, ctx) -> WebFile.of("text/plain", "taken".getBytes(StandardCharsets.UTF_8), 0));
        provide("/openapi.json", (path, query, ctx) -> WebFile.of("text/plain", "taken".getBytes(StandardCharsets.UTF_8), 0));
        assertEquals(302, get("/API/GetNewSession").statusCode());
        assertTrue(new String(get("/openapi.json").body(), StandardCharsets.UTF_8).startsWith("{"));
    }
}
