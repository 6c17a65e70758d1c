package apiary.core.sessions.internal.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import apiary.core.api.backend.BackendDTO;
import apiary.core.api.backend.BackendRegistry;
import apiary.core.api.backend.BackendStatusReport;
import apiary.core.api.backend.BackendTypeInfo;
import apiary.core.api.model.KnownModelDTO;
import apiary.core.api.model.ModelDownloadRequest;
import apiary.core.api.model.ModelDownloads;
import apiary.core.api.route.WebSocketChannel;
import apiary.core.api.settings.ServerSettings;
import apiary.core.api.settings.SettingDef;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The installer's order and its all-or-nothing promise, against in-memory settings, registry and socket. */
class InstallerTest {
    @TempDir
    Path models;

    private final Map<String, Object> stored = new HashMap<>();
    private final List<Map<String, Object>> added = new ArrayList<>();
    private final List<Integer> removed = new ArrayList<>();
    private final List<Object> frames = new ArrayList<>();
    private RuntimeException settingsFailure;
    private String disconnectAt = "\u0000";

    private final ServerSettings settings = new ServerSettings() {
        @Override
        public List<SettingDef> definitions() {
            return List.of();
        }

        @Override
        public Object get(String path) {
            if (!stored.containsKey(path)) {
                throw new IllegalArgumentException("Unknown server setting '" + path + "'");
            }
            return stored.get(path);
        }

        @Override
        public Object get(String path, SettingDef definition) {
            return stored.getOrDefault(path, definition.defaultValue());
        }

        @Override
        public List<String> change(Map<String, Object> changes) {
            if (settingsFailure != null && changes.containsKey(InstallSettings.IS_INSTALLED)) {
                throw settingsFailure;
            }
            stored.putAll(changes);
            return List.copyOf(changes.keySet());
        }
    };

    private final BackendRegistry registry = new BackendRegistry() {
        @Override
        public BackendDTO add(String typeId, String title, Map<String, Object> s) {
            added.add(Map.of("type", typeId, "settings", s));
            BackendDTO dto = new BackendDTO();
            dto.id = 40 + added.size();
            dto.type = typeId;
            return dto;
        }

        @Override
        public boolean remove(int id) {
            removed.add(id);
            return true;
        }

        @Override
        public List<BackendDTO> backends() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<BackendDTO> backend(int id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<BackendTypeInfo> types() {
            throw new UnsupportedOperationException();
        }

        @Override
        public BackendDTO edit(int id, int newId, String title, Map<String, Object> s) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean setEnabled(int id, boolean enabled) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean restart(int id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public BackendStatusReport status() {
            throw new UnsupportedOperationException();
        }
    };

    private final WebSocketChannel socket = new WebSocketChannel() {
        @Override
        public void send(Object frame) {
            if (String.valueOf(frame).contains(disconnectAt)) {
                throw new UncheckedIOException(new IOException("client went away"));
            }
            frames.add(frame);
        }

        @Override
        public Optional<Map<String, Object>> receive(Duration timeout) {
            return Optional.empty();
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public boolean offer(Object frame) {
            send(frame);
            return true;
        }

        @Override
        public boolean offerLatest(String key, Object frame) {
            return offer(frame);
        }

        @Override
        public boolean offerBinary(byte[] data) {
            return true;
        }

        @Override
        public AutoCloseable onClose(Runnable action) {
            return () -> { };
        }

        @Override
        public AutoCloseable onMessage(Runnable action) {
            return () -> { };
        }
    };

    /** Downloads that fail like an unreachable host: the real downloader is tested in core.models. */
    private final ModelDownloads downloads = new ModelDownloads() {
        @Override
        public List<KnownModelDTO> knownModels() {
            return List.of();
        }

        @Override
        public Optional<KnownModelDTO> knownModel(String id) {
            return Optional.empty();
        }

        @Override
        public Path target(String subtype, String name) {
            return models.resolve(subtype).resolve(name);
        }

        @Override
        public Path download(ModelDownloadRequest request, Progress progress) throws IOException {
            throw new java.net.ConnectException("Connection refused");
        }
    };

    private Installer installer() {
        return new Installer(new InstallOutput(socket), settings, registry, downloads, "1.2.3", 7801);
    }

    private static InstallChoices choices(boolean comfy, List<KnownModelDTO> downloads) {
        return new InstallChoices("modern_dark", "just_self", comfy, downloads, false, "de", false);
    }

    @Test
    void appliesEverythingInOrder() {
        stored.put("launchmode", "webinstall");
        installer().run(choices(true, List.of()));
        assertEquals(true, stored.get(InstallSettings.IS_INSTALLED));
        assertEquals("1.2.3", stored.get(InstallSettings.INSTALL_VERSION));
        assertEquals("modern_dark", stored.get(InstallChoices.THEME_SETTING));
        assertEquals("de", stored.get(InstallChoices.LANGUAGE_SETTING));
        assertEquals("web", stored.get("launchmode"));
        assertEquals(1, added.size());
        assertEquals(Installer.COMFY_TYPE, added.get(0).get("type"));
        assertEquals(Map.of("info", "Installed!"), frames.get(frames.size() - 1));
        assertEquals(List.of(), removed);
    }

    @Test
    void aFailedDownloadChangesNothing() {
        KnownModelDTO unreachable = new KnownModelDTO();
        unreachable.id = "m";
        unreachable.name = "M";
        unreachable.url = "http://127.0.0.1:9/m.safetensors";
        unreachable.sha256 = "e9476a13728cd75d8279f6ec8bad753a66a1957ca375a1464dc63b37db6e3916";
        unreachable.subtype = "Stable-Diffusion";
        unreachable.file = "m.safetensors";
        InstallFailure e = assertThrows(InstallFailure.class,
                () -> installer().run(choices(true, List.of(unreachable))));
        assertTrue(e.getMessage().startsWith("Failed to download model 'm' from 'http://127.0.0.1:9/m.safetensors': "), e.getMessage());
        assertEquals(Map.of(), stored);
        assertEquals(List.of(), added);
    }

    @Test
    void theBackendIsTakenBackWhenTheInstalledMarkFails() {
        settingsFailure = new IllegalStateException("database down");
        assertThrows(IllegalStateException.class,
                () -> installer().run(choices(true, List.of())));
        assertEquals(List.of(41), removed);
        assertFalse(stored.containsKey(InstallSettings.IS_INSTALLED));
    }

    @Test
    void theBackendIsTakenBackWhenTheClientLeavesBeforeTheMark() {
        disconnectAt = "Added backend #";
        assertThrows(UncheckedIOException.class,
                () -> installer().run(choices(true, List.of())));
        assertEquals(1, added.size());
        assertEquals(List.of(41), removed);
        assertFalse(stored.containsKey(InstallSettings.IS_INSTALLED));
    }

    @Test
    void modelsWithoutADownloadServiceAreRefusedBeforeAnythingChanges() {
        KnownModelDTO m = new KnownModelDTO();
        m.id = "m";
        m.subtype = "Stable-Diffusion";
        m.file = "m.safetensors";
        InstallFailure e = assertThrows(InstallFailure.class,
                () -> new Installer(new InstallOutput(socket), settings, registry, null, "1.2.3", 7801).run(choices(true, List.of(m))));
        assertTrue(e.getMessage().startsWith("Model downloads are not available"), e.getMessage());
        assertEquals(Map.of(), stored);
        assertEquals(List.of(), added);
    }
}
