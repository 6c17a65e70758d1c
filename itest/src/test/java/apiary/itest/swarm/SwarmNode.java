package apiary.itest.swarm;

import static org.junit.Assert.assertEquals;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import apiary.itest.Api;
import apiary.itest.process.ServerProcess;

/**
 * One real Apiary process of a scale-out test (a front end or a worker), with the echo backend installable, and
 * the calls the tests make on it. Requests may carry an Authorization header, for a worker that requires one.
 */
final class SwarmNode implements AutoCloseable {
    static final String ECHO = "itest_echo_backend";
    static final String SWARM = "swarmswarmbackend";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    final ServerProcess process;
    final Path dataDir;
    private volatile String authorization;
    private String session;

    private SwarmNode(ServerProcess process, Path dataDir) {
        this.process = process;
        this.dataDir = dataDir;
    }

    /** Starts a node whose extension index includes the echo bundle. */
    static SwarmNode start(String name) throws Exception {
        return start(name, Map.of());
    }

    /** @param properties more {@code -D} properties (a database, a node name) */
    static SwarmNode start(String name, Map<String, String> properties) throws Exception {
        Path dist = Path.of(System.getProperty("apiary.itest.distribution"));
        String shipped = dist.resolve("repository").resolve("index.xml").toUri().toString();
        String echo = Path.of(System.getProperty("apiary.itest.echoIndex")).toUri().toString();
        Map<String, String> props = new LinkedHashMap<>(properties);
        props.put("apiary.extensions.index", shipped + "," + echo);
        Path data = ServerProcess.newDataDir(name);
        SwarmNode node = new SwarmNode(ServerProcess.start(data, List.of(), props), data);
        node.awaitRoutes();
        return node;
    }

    /** Waits until the backend routes are served (on a loaded machine the port may open before every bundle is up). */
    void awaitRoutes() throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (raw("ListBackendTypes", Map.of()).status != 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the backend routes never appeared on " + address());
            }
            Thread.sleep(25);
        }
    }

    String address() {
        return "http://127.0.0.1:" + process.port();
    }

    /** @param value the Authorization header sent from now on, or {@code null} */
    void authorization(String value) {
        authorization = value;
        session = null;
    }

    /** @return the raw answer of a route, with this node's own session unless the body has one */
    Api.Reply raw(String route, Map<String, ?> body) {
        Map<String, Object> b = new LinkedHashMap<>(body);
        if (!route.equals("GetNewSession") && !b.containsKey("session_id")) {
            b.put("session_id", session());
        }
        HttpRequest.Builder r = HttpRequest.newBuilder(process.api().uri("/API/" + route)).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(Api.write(b)));
        if (authorization != null) {
            r.header("Authorization", authorization);
        }
        return process.api().send(r.build());
    }

    /** @return the JSON answer of a route that must answer 200 */
    Map<String, Object> call(String route, Map<String, ?> body) {
        Api.Reply r = raw(route, body);
        assertEquals(route + ": " + r, 200, r.status);
        return r.json;
    }

    String session() {
        if (session == null) {
            session = newSession();
        }
        return session;
    }

    String newSession() {
        return (String) raw("GetNewSession", Map.of()).json.get("session_id");
    }

    /** Installs the echo extension. */
    void installEcho() {
        assertEquals(Map.of("success", true), call("InstallExtension", Map.of("extensionName", "itest_echo")));
    }

    /** Adds a backend with settings and returns its id. */
    int addBackend(String type, String title, Map<String, Object> settings) {
        int id = (Integer) call("AddNewBackend", Map.of("type_id", type)).get("id");
        call("EditBackend", Map.of("backend_id", id, "title", title, "settings", settings));
        return id;
    }

    /** @return ListBackends with non-real backends and full data */
    Map<String, Map<String, Object>> backends() {
        return listing(call("ListBackends", Map.of("nonreal", true, "full_data", true)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> listing(Map<String, Object> json) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        json.forEach((k, v) -> out.put(k, (Map<String, Object>) v));
        return out;
    }

    /** Polls ListBackends until the condition holds and returns that listing. */
    Map<String, Map<String, Object>> awaitBackends(String what, Predicate<Map<String, Map<String, Object>>> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Map<String, Map<String, Object>> last = null;
        while (System.nanoTime() < deadline) {
            Api.Reply r = raw("ListBackends", Map.of("nonreal", true, "full_data", true));
            if (r.status == 200) { // a server that just started may not serve every route yet (heavy load)
                last = listing(r.json);
                if (condition.test(last)) {
                    return last;
                }
            }
            Thread.sleep(25);
        }
        throw new AssertionError("never: " + what + "; last listing " + last);
    }

    /** @return the listing's entries that are children of a parent id */
    static List<Map<String, Object>> childrenOf(Map<String, Map<String, Object>> listing, String titlePart) {
        return listing.values().stream().filter(b -> (Integer) b.get("id") < 0 && String.valueOf(b.get("title")).contains(titlePart)).toList();
    }

    /**
     * @param dataUrl an image as a {@code data:} URL
     * @return its pixels (the PNG's metadata differs between servers and runs: timings, versions)
     */
    static List<Integer> pixels(String dataUrl) {
        try {
            byte[] png = java.util.Base64.getDecoder().decode(dataUrl.substring(dataUrl.indexOf(',') + 1));
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
            List<Integer> out = new java.util.ArrayList<>();
            out.add(image.getWidth());
            out.add(image.getHeight());
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    out.add(image.getRGB(x, y));
                }
            }
            return out;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws Exception {
        process.close();
    }
}
