package apiary.core.server.internal.log;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import apiary.core.api.log.LogLevel;
import apiary.core.api.log.LogMessage;
import apiary.core.api.log.LogType;
import apiary.core.api.log.ServerLog;
import apiary.core.api.server.ServerInfo;
import apiary.core.api.settings.ServerSettings;
import apiary.core.api.settings.ServerSettingsContributor;
import apiary.core.api.settings.ServerSettingsListener;
import apiary.core.api.settings.SettingDef;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.LogReaderService;
import org.osgi.service.log.admin.LoggerAdmin;

/**
 * The server's one logging pipeline, from activation to deactivation: installs the {@code java.util.logging} root
 * handler, listens to the OSGi log service, keeps the ring buffers, prints to the console and the log file as the
 * {@code logs.*} settings say (it declares them too, so they are defined before it reads them).
 */
@Component(service = {ServerLog.class, ServerSettingsListener.class, ServerSettingsContributor.class}, immediate = true,
        property = ServerSettingsContributor.ORDER + ":Integer=900")
public final class ServerLogImpl implements ServerLog, ServerSettingsListener, ServerSettingsContributor {
    private final LogPipeline pipeline;
    private final JulBridge jul;
    private final OsgiLogBridge osgi;
    private volatile ServerSettings settings;
    private volatile LoggerAdmin loggerAdmin;

    /**
     * @param context this bundle's context, for the data folder
     */
    @Activate
    public ServerLogImpl(BundleContext context) {
        String dir = context.getProperty(ServerInfo.DATA_DIR_PROPERTY);
        pipeline = new LogPipeline(Path.of(dir == null || dir.isBlank() ? "Data" : dir).toAbsolutePath(), System.out);
        jul = JulBridge.install(pipeline);
        osgi = new OsgiLogBridge(pipeline);
        reconfigure();
    }

    @Deactivate
    void deactivate() {
        jul.uninstall();
        pipeline.close();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindSettings(ServerSettings s) {
        settings = s;
        reconfigure();
    }

    void unbindSettings(ServerSettings s) {
        if (settings == s) {
            settings = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindLogReader(LogReaderService reader) {
        reader.addLogListener(osgi);
    }

    void unbindLogReader(LogReaderService reader) {
        reader.removeLogListener(osgi);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindLoggerAdmin(LoggerAdmin admin) {
        loggerAdmin = admin;
        OsgiLogBridge.applyMinimum(admin, pipeline.config());
    }

    void unbindLoggerAdmin(LoggerAdmin admin) {
        if (loggerAdmin == admin) {
            loggerAdmin = null;
        }
    }

    @Override
    public List<SettingDef> settings() {
        return LogSettings.definitions();
    }

    @Override
    public void settingsChanged(List<String> changedPaths) {
        for (String p : changedPaths) {
            if (p.startsWith("logs.")) {
                reconfigure();
                return;
            }
        }
    }

    private void reconfigure() {
        ServerSettings s = settings;
        LogConfig config = s == null ? LogConfig.DEFAULTS : LogSettings.read(s);
        try {
            pipeline.configure(config);
        } catch (IOException | IllegalArgumentException e) {
            pipeline.accept(LogLevel.WARNING, "The log file is not written: " + e.getMessage());
        }
        jul.applyMinimum(config);
        LoggerAdmin admin = loggerAdmin;
        if (admin != null) {
            OsgiLogBridge.applyMinimum(admin, config);
        }
    }

    @Override
    public List<LogType> types() {
        return pipeline.buffers().types();
    }

    @Override
    public long lastSequenceId() {
        return pipeline.buffers().lastSequenceId();
    }

    @Override
    public List<LogMessage> messages(String type, long afterSequenceId) {
        return pipeline.buffers().messages(type, afterSequenceId);
    }

    @Override
    public void log(LogLevel level, String message) {
        pipeline.accept(level, message == null ? "" : message);
    }

    @Override
    public LogType openTracker(String name, String identifier) {
        return pipeline.buffers().openTracker(name, identifier == null ? "" : identifier);
    }

    @Override
    public void write(String name, String message) {
        pipeline.track(name, message == null ? "" : message);
    }

    @Override
    public void closeTracker(String name) {
        pipeline.buffers().closeTracker(name);
    }
}
