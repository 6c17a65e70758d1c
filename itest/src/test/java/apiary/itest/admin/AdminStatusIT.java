package apiary.itest.admin;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import apiary.itest.Api;
import apiary.itest.ApiaryTestSupport;

import org.junit.Test;

/** GetGlobalStatus, ListConnectedUsers and GetServerResourceInfo on the running server. */
public class AdminStatusIT extends ApiaryTestSupport {
    @Test
    public void globalStatusHasTheCurrentStatusShape() {
        Api api = api();
        Api.Reply r = api.call(api.newSession(), "GetGlobalStatus", Map.of());
        assertEquals(List.of("status", "backend_status", "supported_features"), List.copyOf(r.json.keySet()));
        assertEquals(Map.of("waiting_gens", 0, "loading_models", 0, "waiting_backends", 0, "live_gens", 0), r.get("status"));
        Map<?, ?> backend = (Map<?, ?>) r.get("backend_status");
        assertEquals(List.of("status", "class", "message", "any_loading"), List.copyOf(backend.keySet()));
        assertTrue(r.get("supported_features") instanceof List);
    }

    @Test
    public void connectedUsersGroupSessionAddresses() {
        Api api = api();
        String s = api.newSession();
        api.call(s, "ChangeServerSettings", Map.of("settings", Map.of()));
        api.call(s, "DebugGenDocs", Map.of());
        List<?> users = (List<?>) api.call(s, "ListConnectedUsers", Map.of()).get("users");
        Map<?, ?> local = (Map<?, ?>) users.stream().filter(u -> "local".equals(((Map<?, ?>) u).get("id"))).findFirst().orElseThrow();
        assertTrue(((Number) local.get("last_active_seconds")).doubleValue() < 60);
        assertTrue(((String) local.get("last_active")).matches("\\d+ seconds? ago"));
        List<?> addresses = (List<?>) local.get("active_sessions");
        assertTrue(addresses.toString(), addresses.stream().anyMatch(a -> "127.0.0.1".equals(((Map<?, ?>) a).get("address"))
                && ((Number) ((Map<?, ?>) a).get("count")).intValue() >= 1));
        for (String key : List.of("waiting_gens", "loading_models", "waiting_backends", "live_gens")) {
            assertEquals(0, local.get(key));
        }
    }

    @Test
    public void resourceInfoReportsCpuRamAndGpus() throws Exception {
        Api api = api();
        String s = api.newSession();
        Map<?, ?> first = api.call(s, "GetServerResourceInfo", Map.of()).json;
        Map<?, ?> cpu = (Map<?, ?>) first.get("cpu");
        assertEquals(Runtime.getRuntime().availableProcessors(), cpu.get("cores"));
        Thread.sleep(1200);
        double usage = ((Number) ((Map<?, ?>) api.call(s, "GetServerResourceInfo", Map.of()).get("cpu")).get("usage")).doubleValue();
        assertTrue("usage is a fraction: " + usage, usage >= 0 && usage <= 1);
        Map<?, ?> ram = (Map<?, ?>) first.get("system_ram");
        long total = ((Number) ram.get("total")).longValue();
        long used = ((Number) ram.get("used")).longValue();
        long free = ((Number) ram.get("free")).longValue();
        assertTrue("RAM from /proc/meminfo: " + ram, total > 0 && used > 0 && free > 0 && used + free == total);
        if (!hasNvidiaSmi()) {
            assertEquals("no nvidia-smi: no GPUs", Map.of(), first.get("gpus"));
        } else {
            assertTrue(((Map<?, ?>) first.get("gpus")).containsKey("0"));
        }
    }

    private static boolean hasNvidiaSmi() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "nvidia-smi"))) {
                return true;
            }
        }
        return false;
    }
}
