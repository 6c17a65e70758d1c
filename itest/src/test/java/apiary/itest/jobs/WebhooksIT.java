package apiary.itest.jobs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import apiary.itest.Api;
import apiary.itest.process.ServerProcess;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.Test;

/**
 * Webhooks against a local test receiver, through a real server process: a job webhook is signed with the owner's
 * secret and retried after failures; a host the admin did not allow is refused before anything starts; SwarmUI's
 * server-wide webhooks fire at queue start (generation waits for its answer), after every image (with the image's
 * tags filled in), at queue end, and at server shutdown and start.
 */
public class WebhooksIT {
    @Test
    public void jobAndServerWebhooksReachTheReceiver() throws Exception {
        try (HookReceiver hooks = HookReceiver.start();
                ServerProcess server = EchoProcess.start(ServerProcess.newDataDir("webhooks"), Map.of())) {
            Api api = server.api();
            String s = api.newSession();
            EchoProcess.installEcho(api, s);
            EchoProcess.addBackend(api, s, Map.of("LatencyMs", 50));
            jobWebhookIsSignedAndRetried(api, s, hooks);
            aHostTheAdminDidNotAllowIsRefused(api, s, hooks);
            serverWideWebhooksFollowTheQueue(api, s, hooks, server.port());

            Api.Reply set = api.call(s, "ChangeServerSettings", Map.of("settings", Map.of(
                    "webhooks.servershutdownwebhook", hooks.url() + "/shutdown",
                    "webhooks.serverstartwebhook", hooks.url() + "/start", "webhooks.serverstartwebhookdata", "{\"hello\": 1}")));
            assertEquals(set.toString(), Map.of("success", true), set.json);
            assertEquals(0, server.stop());
            assertEquals("the shutdown webhook was called before the process ended", 1, hooks.calls("/shutdown").size());
            server.restart();
            List<HookReceiver.Hook> start = hooks.await("/start", 1, 60);
            assertEquals(1, start.size());
            assertEquals("{\"hello\": 1}", start.get(0).body());
        }
    }

    private static void jobWebhookIsSignedAndRetried(Api api, String s, HookReceiver hooks) throws Exception {
        assertEquals(Map.of("success", true), api.call(s, "ChangeServerSettings",
                Map.of("settings", Map.of("webhooks.jobwebhookallowedhosts", "127.0.0.1"))).json);
        String secret = (String) api.call(s, "GetWebhookSecret", Map.of()).get("secret");
        hooks.answer("/job", 500, 503);
        Api.Reply r = api.call(s, "GenerateText2Image", Map.of("images", 2, "prompt", "hooked", "jobwebhookurl", hooks.url() + "/job"));
        assertEquals(r.toString(), 2, ((List<?>) r.get("images")).size());
        List<HookReceiver.Hook> calls = hooks.await("/job", 3, 60);
        assertEquals("two failures, then the third attempt succeeds (and no fourth): " + calls, 3, calls.size());
        for (HookReceiver.Hook h : calls) {
            assertEquals("every attempt carries the same body", calls.get(0).body(), h.body());
            assertEquals("sha256=" + hmac(secret, h.body()), h.signature());
        }
        Map<String, Object> body = read(calls.get(0).body());
        assertEquals("done", body.get("state"));
        // Images of one job finish on parallel backends: the answer lists them as they finished, the hook in task order.
        assertEquals(new java.util.HashSet<>((List<?>) r.get("images")), new java.util.HashSet<>((List<?>) body.get("images")));
        assertEquals(2, ((List<?>) body.get("images")).size());
        assertTrue("backoff between attempts", calls.get(1).arrivedNanos() - calls.get(0).arrivedNanos() >= 900_000_000L);
    }

    private static void aHostTheAdminDidNotAllowIsRefused(Api api, String s, HookReceiver hooks) {
        long jobsBefore = EchoProcess.jobs(api, s).size();
        Api.Reply r = api.call(s, "GenerateText2Image", Map.of("images", 1, "prompt", "x", "jobwebhookurl", "http://example.com/hook"));
        assertEquals("Webhook host 'example.com' is not allowed by this server (setting webhooks.jobwebhookallowedhosts).", r.get("error"));
        assertEquals("no job was made", jobsBefore, EchoProcess.jobs(api, s).size());
    }

    private static void serverWideWebhooksFollowTheQueue(Api api, String s, HookReceiver hooks, int port) throws Exception {
        hooks.delay("/queue-start", 800);
        Api.Reply set = api.call(s, "ChangeServerSettings", Map.of("settings", Map.of(
                "webhooks.queuestartwebhook", hooks.url() + "/queue-start",
                "webhooks.queueendwebhook", hooks.url() + "/queue-end", "webhooks.queueenddelay", 0.2,
                "webhooks.everygenwebhook", hooks.url() + "/every-gen",
                "webhooks.everygenwebhookdata", "{\"prompt\": \"%prompt%\", \"seed\": \"%seed%\", \"image\": \"%image%\", \"odd\": \"100%\"}")));
        assertEquals(set.toString(), Map.of("success", true), set.json);
        Api.Reply r = api.call(s, "GenerateText2Image", Map.of("images", 2, "seed", 77, "prompt", "a \"quoted\" cat"));
        assertEquals(r.toString(), 2, ((List<?>) r.get("images")).size());
        List<HookReceiver.Hook> start = hooks.await("/queue-start", 1, 30);
        List<HookReceiver.Hook> every = hooks.await("/every-gen", 2, 30);
        List<HookReceiver.Hook> end = hooks.await("/queue-end", 1, 30);
        assertEquals(1, start.size());
        assertEquals(2, every.size());
        assertEquals(1, end.size());
        for (HookReceiver.Hook h : every) {
            assertTrue("images are made only after the queue-start webhook answered", h.arrivedNanos() > start.get(0).answeredNanos());
            Map<String, Object> body = read(h.body());
            assertEquals("a \"quoted\" cat", body.get("prompt"));
            assertTrue(body.toString(), List.of("77", "78").contains(body.get("seed")));
            assertTrue(body.toString(), String.valueOf(body.get("image")).startsWith("http://localhost:" + port + "/View/local/"));
            assertEquals("100%", body.get("odd"));
        }
        assertTrue("the queue ends after the last image", end.get(0).arrivedNanos() > every.get(1).arrivedNanos());
        hooks.delay("/queue-start", 0);
        api.call(s, "ChangeServerSettings", Map.of("settings", Map.of("webhooks.queuestartwebhook", "",
                "webhooks.queueendwebhook", "", "webhooks.everygenwebhook", "")));
    }

    private static Map<String, Object> read(String json) throws Exception {
        return new ObjectMapper().readValue(json, new TypeReference<Map<String, Object>>() { });
    }

    private static String hmac(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
