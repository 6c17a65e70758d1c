package apiary.itest.swarm;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import apiary.itest.Api;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Scale-out with real processes on loopback: a front end and two workers, each worker with echo backends, one of
 * them requiring an Authorization token. The processes are shared by the tests (starting them is the slow part);
 * every test leaves the front end's backend entries as it found them.
 */
public class SwarmScaleOutIT {
    static final String TOKEN = "Bearer swarm-it-token";
    static SwarmNode front;
    static SwarmNode open;
    static SwarmNode guarded;
    static int fast;
    static int slow;
    static String loginHeaders;

    @BeforeClass
    public static void startCluster() throws Exception {
        front = SwarmNode.start("swarm-front");
        open = SwarmNode.start("swarm-open");
        guarded = SwarmNode.start("swarm-guarded");
        open.installEcho();
        fast = open.addBackend(SwarmNode.ECHO, "fast", Map.of("LatencyMs", 200, "Previews", 2, "Features", "alpha",
                "Models", "dream.safetensors"));
        slow = open.addBackend(SwarmNode.ECHO, "slow", Map.of("LatencyMs", 400, "Limits", Map.of("MaxUsages", 2)));
        guarded.installEcho();
        guarded.addBackend(SwarmNode.ECHO, "guarded", Map.of("LatencyMs", 100));
        assertEquals(Map.of("success", true), guarded.call("AdminAddUser", Map.of("name", "frontend", "password", "frontend-secret", "role", "admin")));
        Api.Reply login = guarded.raw("Login", Map.of("username", "frontend", "password", "frontend-secret"));
        assertEquals(login.toString(), "true", login.get("success"));
        String cookie = login.raw.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("swarm_token="))
                .map(c -> c.split(";", 2)[0]).findFirst().orElseThrow();
        loginHeaders = "Cookie: " + cookie;
        // Last: from now on everyone (the test itself included, loopback too) must log in and send the token.
        guarded.call("ChangeServerSettings", Map.of("settings", Map.of("network.requiredauthorization", TOKEN,
                "network.authbypassips", "", "userauthorization.authorizationrequired", true,
                "userauthorization.allowlocalhostbypass", false)));
        guarded.authorization(TOKEN);
        open.awaitBackends("both echo backends run", l -> running(l, fast) && running(l, slow));
        // A relative model root is relative to the process' working directory, shared by every process of the run.
        open.call("ChangeServerSettings", Map.of("settings", Map.of("paths.modelroot", open.dataDir.resolve("Models").toString())));
        modelFile(open, "loadable");
        open.call("TriggerRefresh", Map.of("strong", true));
    }

    @AfterClass
    public static void stopCluster() throws Exception {
        for (SwarmNode n : new SwarmNode[] {front, open, guarded}) {
            if (n != null) {
                n.close();
            }
        }
    }

    static boolean running(Map<String, Map<String, Object>> listing, int id) {
        Map<String, Object> b = listing.get(Integer.toString(id));
        return b != null && "running".equals(b.get("status"));
    }

    static int addRemote(String title, String address, Map<String, Object> more) {
        Map<String, Object> settings = new java.util.LinkedHashMap<>(more);
        settings.put("Address", address);
        return front.addBackend(SwarmNode.SWARM, title, settings);
    }

    @Test
    @SuppressWarnings("unchecked")
    public void theRemotesBackendsBecomeNonRealChildrenThatFollowIt() throws Exception {
        int parent = addRemote("open", open.address(), Map.of());
        try {
            Map<String, Map<String, Object>> l = front.awaitBackends("two children",
                    x -> SwarmNode.childrenOf(x, open.address()).size() == 2 && running(x, parent));
            Map<String, Object> p = l.get(Integer.toString(parent));
            assertEquals("the parent takes no generations itself", 0, p.get("max_usages"));
            List<Map<String, Object>> children = SwarmNode.childrenOf(l, open.address());
            Map<String, Object> first = children.stream().filter(c -> String.valueOf(c.get("title")).endsWith("] fast")).findFirst().orElseThrow();
            Map<String, Object> second = children.stream().filter(c -> String.valueOf(c.get("title")).endsWith("] slow")).findFirst().orElseThrow();
            assertEquals(SwarmNode.SWARM, first.get("type"));
            assertEquals("running", first.get("status"));
            assertTrue("features mirrored: " + first, ((List<String>) first.get("features")).contains("alpha"));
            assertEquals(1, first.get("max_usages"));
            assertEquals(2, second.get("max_usages"));
            assertTrue((Integer) first.get("id") < 0 && (Integer) second.get("id") < 0);
            assertFalse("non-real backends only with nonreal", front.call("ListBackends", Map.of())
                    .containsKey(String.valueOf(first.get("id"))));

            Map<String, Object> models = front.call("ListModels", Map.of("path", "", "depth", 3, "allowRemote", true));
            assertTrue("the remote's models are listed: " + models, String.valueOf(models.get("files")).contains("dream"));

            // TriggerRefresh on the front end makes the worker rescan: a model file that appeared there is listed here.
            modelFile(open, "fresh");
            // Both servers rescan at most every 10 seconds, so TriggerRefresh is repeated until the worker's rescan ran.
            long deadline = System.nanoTime() + 60_000_000_000L;
            Map<String, Object> after = Map.of();
            while (System.nanoTime() < deadline && !String.valueOf(after.get("files")).contains("fresh")) {
                Map<String, Object> refreshed = front.call("TriggerRefresh", Map.of("strong", true));
                assertFalse(refreshed.toString(), refreshed.containsKey("error"));
                after = front.call("ListModels", Map.of("path", "", "depth", 3, "allowRemote", true));
                Thread.sleep(200);
            }
            assertTrue("the worker's new model is listed after TriggerRefresh: " + after, String.valueOf(after.get("files")).contains("fresh"));

            int extra = open.addBackend(SwarmNode.ECHO, "extra", Map.of());
            front.awaitBackends("a third child", x -> SwarmNode.childrenOf(x, open.address()).size() == 3);
            open.call("DeleteBackend", Map.of("backend_id", extra));
            front.awaitBackends("back to two", x -> SwarmNode.childrenOf(x, open.address()).size() == 2);
        } finally {
            front.call("DeleteBackend", Map.of("backend_id", parent));
        }
        front.awaitBackends("children gone with the parent", x -> SwarmNode.childrenOf(x, open.address()).isEmpty());
    }

    @Test
    @SuppressWarnings("unchecked")
    public void generationThroughTheFrontEndRelaysProgressPreviewsAndTheWorkersImages() throws Exception {
        int parent = addRemote("open", open.address(), Map.of());
        try {
            front.awaitBackends("children", x -> SwarmNode.childrenOf(x, open.address()).size() == 2);
            Api.WsResult ws = front.process.api().ws("GenerateText2ImageWS", Map.of("session_id", front.session(),
                    "prompt", "a bee", "images", 3, "seed", 41, "width", 64, "height", 96, "donotsave", true));
            List<String> images = new ArrayList<>();
            List<String> indexes = new ArrayList<>();
            boolean preview = false;
            for (Map<String, Object> f : ws.frames) {
                assertFalse("no error: " + f, f.containsKey("error"));
                if (f.get("image") != null) {
                    images.add(String.valueOf(f.get("image")));
                    indexes.add(String.valueOf(f.get("batch_index")));
                }
                Object p = f.get("gen_progress");
                if (p instanceof Map && ((Map<String, Object>) p).get("preview") != null) {
                    preview = true;
                }
            }
            assertEquals(3, images.size());
            assertEquals("local batch indices", List.of("0", "1", "2"), indexes.stream().sorted().toList());
            assertTrue("a preview was relayed", preview);
            for (int i = 0; i < 3; i++) {
                List<Integer> direct = SwarmNode.pixels(workerImage(41 + i));
                assertTrue("image " + i + " is the worker's", images.stream().anyMatch(x -> SwarmNode.pixels(x).equals(direct)));
            }
        } finally {
            front.call("DeleteBackend", Map.of("backend_id", parent));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    public void withoutWebsocketTheHttpRouteIsUsed() throws Exception {
        int parent = addRemote("open-http", open.address(), Map.of("AllowWebsocket", false));
        try {
            front.awaitBackends("children", x -> SwarmNode.childrenOf(x, open.address()).size() == 2);
            Map<String, Object> answer = front.call("GenerateText2Image", Map.of("prompt", "a bee", "images", 1, "seed", 77,
                    "width", 64, "height", 96, "donotsave", true));
            List<Object> got = (List<Object>) answer.get("images");
            assertEquals(answer.toString(), 1, got.size());
            assertEquals(SwarmNode.pixels(workerImage(77)), SwarmNode.pixels(String.valueOf(got.get(0))));
        } finally {
            front.call("DeleteBackend", Map.of("backend_id", parent));
        }
    }

    @Test
    public void anInterruptStopsExactlyTheCallersJobOnTheWorker() throws Exception {
        int parent = addRemote("open", open.address(), Map.of());
        int longer = open.addBackend(SwarmNode.ECHO, "long", Map.of("LatencyMs", 8000, "Previews", 4,
                "Limits", Map.of("MaxUsages", 2)));
        try {
            Map<String, Map<String, Object>> l = front.awaitBackends("the long child",
                    x -> SwarmNode.childrenOf(x, open.address()).stream().anyMatch(c -> String.valueOf(c.get("title")).endsWith("] long")));
            Object child = SwarmNode.childrenOf(l, open.address()).stream()
                    .filter(c -> String.valueOf(c.get("title")).endsWith("] long")).findFirst().orElseThrow().get("id");
            String a = front.newSession();
            String b = front.newSession();
            LiveSocket first = LiveSocket.generate(front.process.port(), Map.of("session_id", a, "prompt", "a", "images", 1,
                    "seed", 1, "exactbackendid", child.toString(), "donotsave", true));
            LiveSocket second = LiveSocket.generate(front.process.port(), Map.of("session_id", b, "prompt", "b", "images", 1,
                    "seed", 2, "exactbackendid", child.toString(), "donotsave", true));
            first.await("a relayed preview", f -> f.get("gen_progress") != null);
            second.await("a relayed preview", f -> f.get("gen_progress") != null);
            assertEquals(Map.of("success", true), front.call("InterruptAll", Map.of("session_id", a)));
            long firstEnded = first.awaitClosed();
            Map<String, Object> image = second.await("the other session's image", f -> f.get("image") != null);
            assertFalse("the interrupted job made no image: " + first.frames, first.hasImage());
            assertTrue("the interrupted job ended before the other one's image", firstEnded < (Long) image.get("_at"));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> jobs = (List<Map<String, Object>>) open.call("ListJobs", Map.of("limit", 5)).get("jobs");
            List<Object> states = jobs.stream().limit(2).map(j -> j.get("state")).sorted().map(Object.class::cast).toList();
            assertEquals("on the worker exactly one job stopped: " + jobs, List.of("done", "interrupted"), states);
        } finally {
            open.call("DeleteBackend", Map.of("backend_id", longer));
            front.call("DeleteBackend", Map.of("backend_id", parent));
        }
    }

    /** Writes an (empty) safetensors model file into a node's Stable-Diffusion folder. */
    static void modelFile(SwarmNode node, String name) throws java.io.IOException {
        java.nio.file.Path folder = node.dataDir.resolve("Models").resolve("Stable-Diffusion");
        java.nio.file.Files.createDirectories(folder);
        byte[] header = "{\"__metadata__\":{}}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.nio.ByteBuffer file = java.nio.ByteBuffer.allocate(8 + header.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        file.putLong(header.length).put(header);
        java.nio.file.Files.write(folder.resolve(name + ".safetensors"), file.array());
    }

    @Test
    @SuppressWarnings("unchecked")
    public void aRequestedModelIsLoadedOnTheWorkerAndMemoryIsFreedThere() throws Exception {
        int parent = addRemote("open", open.address(), Map.of());
        try {
            Map<String, Map<String, Object>> l = front.awaitBackends("children", x -> SwarmNode.childrenOf(x, open.address()).size() == 2);
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!String.valueOf(front.call("ListModels", Map.of("path", "", "depth", 3, "allowRemote", true)).get("files")).contains("loadable")) {
                assertTrue("the children never listed the worker's model", System.nanoTime() < deadline);
                Thread.sleep(100);
            }
            Object slowChild = SwarmNode.childrenOf(l, open.address()).stream()
                    .filter(c -> String.valueOf(c.get("title")).endsWith("] slow")).findFirst().orElseThrow().get("id");
            Map<String, Object> made = front.call("GenerateText2Image", Map.of("prompt", "m", "images", 1, "seed", 9,
                    "model", "loadable", "exactbackendid", slowChild.toString(), "donotsave", true));
            assertEquals(made.toString(), 1, ((List<Object>) made.get("images")).size());
            assertEquals("the worker loaded it", "loadable.safetensors", open.backends().get(Integer.toString(slow)).get("current_model"));
            front.awaitBackends("the child mirrors the worker's current model",
                    x -> "loadable.safetensors".equals(x.get(slowChild.toString()).get("current_model")));
            Map<String, Object> freed = front.call("FreeBackendMemory", Map.of("system_ram", false));
            assertEquals(freed.toString(), true, freed.get("result"));
            assertEquals("each child freed its remote backend", 2, freed.get("count"));
        } finally {
            front.call("DeleteBackend", Map.of("backend_id", parent));
        }
    }

    /** @return the image the open worker makes for the seed, asked directly */
    @SuppressWarnings("unchecked")
    static String workerImage(long seed) {
        Map<String, Object> direct = open.call("GenerateText2Image", Map.of("prompt", "a bee", "images", 1, "seed", seed,
                "width", 64, "height", 96, "donotsave", true));
        List<Object> images = (List<Object>) direct.get("images");
        assertNotNull(direct.toString(), images);
        return String.valueOf(images.get(0));
    }

    @Test
    public void aWrongTokenShowsTheRemotesRefusalAndTheRightOneConnects() throws Exception {
        int parent = addRemote("guarded", guarded.address(), Map.of("AuthorizationHeader", "Bearer wrong"));
        try {
            Map<String, Object> p = front.awaitBackends("errored", x -> "errored".equals(x.get(Integer.toString(parent)).get("status")))
                    .get(Integer.toString(parent));
            assertTrue(p.toString(), p.get("status").equals("errored"));
            assertStatusMessage(parent, "refused the request: HTTP 401 Unauthorized");
            front.call("EditBackend", Map.of("backend_id", parent, "title", "guarded", "settings", Map.of("AuthorizationHeader", TOKEN)));
            front.awaitBackends("the token alone is not a login", x -> "errored".equals(x.get(Integer.toString(parent)).get("status")));
            front.call("EditBackend", Map.of("backend_id", parent, "title", "guarded", "settings", Map.of("OtherHeaders", loginHeaders)));
            front.awaitBackends("connected with the token and the login", x -> running(x, parent)
                    && SwarmNode.childrenOf(x, guarded.address()).size() == 1);
            Map<String, Object> made = front.call("GenerateText2Image", Map.of("prompt", "guarded", "images", 1, "seed", 5,
                    "donotsave", true, "exactbackendid", Integer.toString(parent)));
            assertEquals(made.toString(), 1, ((List<?>) made.get("images")).size());
        } finally {
            front.call("DeleteBackend", Map.of("backend_id", parent));
        }
    }

    @Test
    public void aRemoteThatAnswersGarbageOrNothingErrorsClearlyAndTheFrontEndKeepsServing() throws Exception {
        com.sun.net.httpserver.HttpServer fake = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        fake.createContext("/garbage/API/", x -> {
            byte[] page = "<html>502 Bad Gateway</html>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, page.length);
            x.getResponseBody().write(page);
            x.close();
        });
        fake.createContext("/silent/API/", x -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            x.close();
        });
        fake.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        fake.start();
        String base = "http://127.0.0.1:" + fake.getAddress().getPort();
        int garbage = addRemote("garbage", base + "/garbage", Map.of());
        int silent = addRemote("silent", base + "/silent", Map.of("ConnectionAttemptTimeoutSeconds", 1));
        try {
            front.awaitBackends("both errored", x -> "errored".equals(x.get(Integer.toString(garbage)).get("status"))
                    && "errored".equals(x.get(Integer.toString(silent)).get("status")));
            assertStatusMessage(garbage, "a body that is not a JSON object: <html>502 Bad Gateway</html>");
            assertStatusMessage(silent, "did not answer GetNewSession within 1 seconds");
            assertFalse("the front end keeps serving", front.call("GetCurrentStatus", Map.of()).containsKey("error"));
        } finally {
            release.countDown();
            fake.stop(0);
            front.call("DeleteBackend", Map.of("backend_id", garbage));
            front.call("DeleteBackend", Map.of("backend_id", silent));
        }
    }

    @Test
    public void connectingToItselfIsRefused() throws Exception {
        int parent = addRemote("loop", front.address(), Map.of());
        try {
            front.awaitBackends("errored", x -> "errored".equals(x.get(Integer.toString(parent)).get("status")));
            assertStatusMessage(parent, "that address is this server itself");
        } finally {
            front.call("DeleteBackend", Map.of("backend_id", parent));
        }
    }

    /** Apiary's ListBackends adds {@code status_message} to an errored backend. */
    static void assertStatusMessage(int id, String part) throws Exception {
        String seen = String.valueOf(front.backends().get(Integer.toString(id)).get("status_message"));
        assertTrue("status message of #" + id + " says '" + part + "': " + seen, seen != null && seen.contains(part));
        assertFalse("no stack trace: " + seen, seen.contains("Exception") || seen.contains("\tat "));
    }
}
