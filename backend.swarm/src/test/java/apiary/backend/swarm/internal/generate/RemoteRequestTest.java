package apiary.backend.swarm.internal.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import apiary.core.api.session.User;
import apiary.core.api.t2i.MediaInput;
import apiary.core.api.t2i.T2IParamKey;
import apiary.core.api.t2i.T2IRequest;

import org.junit.jupiter.api.Test;

class RemoteRequestTest {
    private static T2IRequest request(Map<String, Object> values, Map<String, Object> extra) {
        return new T2IRequest() {
            @Override
            public User user() {
                return null;
            }

            @Override
            public <T> Optional<T> get(T2IParamKey<T> key) {
                return Optional.empty();
            }

            @Override
            public <T> T getOrDefault(T2IParamKey<T> key) {
                return null;
            }

            @Override
            public Map<String, Object> values() {
                return values;
            }

            @Override
            public <T> T2IRequest with(T2IParamKey<T> key, T value) {
                return this;
            }

            @Override
            public Set<String> requiredFeatures() {
                return Set.of();
            }

            @Override
            public Map<String, Set<String>> usedModels() {
                return Map.of();
            }

            @Override
            public Map<String, Object> extraMetadata() {
                return extra;
            }
        };
    }

    @Test
    void oneUnsavedImageOnTheRemoteBackendWithTheTasksOwnValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("prompt", "a bee");
        values.put("seed", 42L);
        values.put("images", 8L);
        values.put("exactbackendid", "-3");
        values.put("internalbackendtype", "swarmswarmbackend");
        values.put("jobwebhookurl", "http://hook");
        values.put("loras", List.of("a", "b"));
        values.put("initimage", new MediaInput(new byte[] {1, 2}, "image/png", null));
        Map<String, Object> body = RemoteRequest.body(request(values, Map.of("note", "x")), 5);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("prompt", "a bee");
        expected.put("seed", 42L);
        expected.put("loras", List.of("a", "b"));
        expected.put("initimage", Base64.getEncoder().encodeToString(new byte[] {1, 2}));
        expected.put("extra_metadata", Map.of("note", "x"));
        expected.put("images", 1);
        expected.put("donotsave", true);
        expected.put("exactbackendid", "5");
        assertEquals(expected, body);
    }
}
