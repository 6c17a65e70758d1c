package apiary.core.t2i.internal.output;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import apiary.core.api.server.ServerInfo;
import apiary.core.api.settings.ServerSettings;
import apiary.core.api.settings.SettingDef;
import apiary.core.t2i.internal.params.ModelCatalog;

/** An output store over a temporary data folder with default settings, for unit tests. */
public final class OutputStoreFixture {
    private OutputStoreFixture() {
    }

    public static OutputFolders folders(Path data) {
        ServerInfo info = new ServerInfo() {
            @Override public String version() { return "test"; }
            @Override public String serverId() { return "x"; }
            @Override public Path dataDir() { return data; }
            @Override public int port() { return 0; }
        };
        ServerSettings settings = new ServerSettings() {
            @Override public List<SettingDef> definitions() { return List.of(); }
            @Override public Object get(String path) { throw new IllegalArgumentException(path); }
            @Override public Object get(String path, SettingDef definition) { return definition.defaultValue(); }
            @Override public List<String> change(Map<String, Object> changes) { return List.of(); }
        };
        return new OutputFolders(info, settings);
    }

    public static OutputStore store(Path data, ModelCatalog catalog) {
        OutputFolders folders = folders(data);
        OutputEvents none = new OutputEvents() {
            @Override public void saved(String userId, String relative, Path file) { }
            @Override public void deleted(String userId, String relative) { }
        };
        return new OutputStore(folders, new ServerInfo() {
            @Override public String version() { return "test"; }
            @Override public String serverId() { return "x"; }
            @Override public Path dataDir() { return data; }
            @Override public int port() { return 0; }
        }, catalog, none);
    }
}
