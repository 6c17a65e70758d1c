package apiary.core.server.internal.http;

import java.nio.file.Path;
import java.util.UUID;

import apiary.core.api.server.ServerInfo;

/** The facts published as {@link ServerInfo} once Jetty listens. */
final class ServerInfoImpl implements ServerInfo {
    private final String version;
    private final String serverId = UUID.randomUUID().toString();
    private final Path dataDir;
    private final int port;

    ServerInfoImpl(String version, Path dataDir, int port) {
        this.version = version;
        this.dataDir = dataDir;
        this.port = port;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public String serverId() {
        return serverId;
    }

    @Override
    public Path dataDir() {
        return dataDir;
    }

    @Override
    public int port() {
        return port;
    }
}
