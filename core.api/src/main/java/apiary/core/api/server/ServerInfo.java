package apiary.core.api.server;

import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/** Facts about the running server, published by the core bundle. */
@ProviderType
public interface ServerInfo {
    /** Framework property naming the data folder. */
    String DATA_DIR_PROPERTY = "apiary.data.dir";

    /** @return the server version, e.g. {@code 0.1.0} */
    String version();

    /** @return a random id, new for every start of the process (SwarmUI's {@code server_id}) */
    String serverId();

    /** @return the data folder (users' database, logs, outputs...) */
    Path dataDir();

    /** @return the HTTP port the server listens on */
    int port();
}
