package apiary.backend.swarm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RemoteBackendInfoTest {
    private static Map<String, Object> backend(int id, String type, String status, int maxUsages) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("id", id);
        b.put("type", type);
        b.put("status", status);
        b.put("max_usages", maxUsages);
        b.put("title", id == 2 ? "" : "T" + id);
        b.put("features", List.of("f"));
        b.put("can_load_models", id != 3);
        b.put("current_model", id == 1 ? "m.safetensors" : null);
        return b;
    }

    @Test
    void onlyRunningBackendsThatTakeWorkAreUsedAndForwardingDecidesOnRemoteOnes() {
        Map<String, Object> listing = new LinkedHashMap<>();
        listing.put("1", backend(1, "comfyui_api", "running", 2));
        listing.put("2", backend(2, "comfyui_api", "running", 1));
        listing.put("3", backend(3, "comfyui_api", "errored", 1));
        listing.put("4", backend(4, "swarmswarmbackend", "running", 0));
        listing.put("-1", backend(-1, "swarmswarmbackend", "running", 1));
        listing.put("5", backend(5, "swarmswarmbackend", "running", 1));
        listing.put("junk", "not a backend");
        List<RemoteBackendInfo> all = RemoteBackendInfo.usable(listing, true);
        assertEquals(List.of(-1, 1, 2, 5), all.stream().map(RemoteBackendInfo::id).toList());
        RemoteBackendInfo one = all.get(1);
        assertEquals(new RemoteBackendInfo(1, "comfyui_api", "T1", List.of("f"), 2, true, "m.safetensors"), one);
        assertEquals("[Remote from http://w] T1", one.childTitle("http://w"));
        assertEquals("[Remote from http://w] comfyui_api #2", all.get(2).childTitle("http://w"));
        assertEquals(List.of(1, 2), RemoteBackendInfo.usable(listing, false).stream().map(RemoteBackendInfo::id).toList());
    }
}
