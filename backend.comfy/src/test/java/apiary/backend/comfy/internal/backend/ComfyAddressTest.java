package apiary.backend.comfy.internal.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The by-URL Address: normalised to the API base, and refused with a plain message when it is not a URL. */
class ComfyAddressTest {
    private static ComfySettings address(String a, boolean frontendDev) {
        return new ComfySettings(Map.of("Address", a, "EnableFrontendDev", frontendDev));
    }

    @Test
    void normalisesAndChecks() {
        assertEquals("http://localhost:8188", ComfyAddress.apiBase(address("localhost:8188//", false)));
        assertEquals("https://comfy.example/x/api", ComfyAddress.apiBase(address("https://comfy.example/x/", true)));
        ComfyAddress.check(address("http://10.0.0.5:8188", false));
        for (String bad : new String[] {"not a url", "ftp://host:21", "http://host:8188/?q=1", "http://"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ComfyAddress.check(address(bad, false)), bad);
            assertEquals("The Address '" + bad + "' is not a ComfyUI URL: give one like http://localhost:8188.", e.getMessage());
        }
    }
}
