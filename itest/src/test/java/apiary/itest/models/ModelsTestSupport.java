package apiary.itest.models;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.inject.Inject;

import apiary.core.api.model.ModelLibrary;
import apiary.core.api.settings.ServerSettings;
import apiary.itest.Api;
import apiary.itest.ApiaryTestSupport;

import org.junit.After;
import org.junit.Before;

/**
 * Base of the model tests: each test gets its own model root (set through {@code paths.modelroot}, which rescans)
 * and wildcard folder, and the old values come back afterwards.
 */
public abstract class ModelsTestSupport extends ApiaryTestSupport {
    private static final List<String> RESTORED = List.of("paths.modelroot", "paths.wildcardsfolder", "paths.downloadtorootid");

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    protected ServerSettings settings;

    @Inject
    protected ModelLibrary library;

    /** This test's model root. */
    protected Path root;
    /** This test's wildcard folder. */
    protected Path wildcardFolder;
    /** A session of the local user. */
    protected String session;
    private final Map<String, Object> saved = new LinkedHashMap<>();

    @Before
    public void modelRoot() throws IOException {
        Path base = Path.of(System.getProperty("apiary.itest.workDir")).resolve("models-" + UUID.randomUUID());
        root = Files.createDirectories(base.resolve("Models"));
        wildcardFolder = Files.createDirectories(base.resolve("Wildcards"));
        for (String id : RESTORED) {
            saved.put(id, settings.get(id));
        }
        session = api().newSession();
    }

    @After
    public void restore() {
        settings.change(saved);
    }

    /** Points the server at this test's folders (after the test wrote its files), which rescans. */
    protected void useTestFolders() {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("paths.modelroot", root.toString());
        change.put("paths.wildcardsfolder", wildcardFolder.toString());
        settings.change(change);
    }

    /** @return a main model file path under the test root */
    protected Path sd(String name) {
        return root.resolve("Stable-Diffusion").resolve(name);
    }

    /** @return the answer of a call with this test's session */
    protected Api.Reply call(String route, Object... kv) {
        return api().call(session, route, body(kv));
    }

    /** @return a map from alternating keys and values */
    protected static Map<String, Object> body(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** @return the answer to a GET of a path, as bytes */
    protected HttpResponse<byte[]> get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(api().uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** @return the {@code files} of a ListModels answer */
    @SuppressWarnings("unchecked")
    protected static List<Map<String, Object>> files(Api.Reply r) {
        assertEquals(r.toString(), 200, r.status);
        return (List<Map<String, Object>>) r.get("files");
    }

    /** @return the names of a ListModels answer's files, in order */
    protected static List<String> names(Api.Reply r) {
        List<String> out = new ArrayList<>();
        files(r).forEach(f -> out.add((String) f.get("name")));
        return out;
    }

    /** @return the named file of a ListModels answer */
    protected static Map<String, Object> file(Api.Reply r, String name) {
        return files(r).stream().filter(f -> name.equals(f.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not listed in " + r));
    }
}
