package apiary.core.admin.internal.devfolder;

import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import apiary.core.api.settings.ServerSettings;
import apiary.core.api.settings.ServerSettingsListener;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The development folder: Apache Felix FileInstall watches it while the setting {@value DevFolderSettings#SETTING}
 * is on. The launcher configures FileInstall (its framework properties: the folder, a 200 ms poll) but never starts
 * it; this component starts and stops it, transiently, as the setting says, and uninstalls the bundles it
 * installed when the setting goes off, so a server started with it off runs none of them.
 */
@Component(service = {DevFolder.class, ServerSettingsListener.class}, immediate = true)
public final class DevFolder implements ServerSettingsListener {
    /** FileInstall's symbolic name. */
    static final String FILEINSTALL = "org.apache.felix.fileinstall";
    /** FileInstall's framework property naming the folder it watches. */
    static final String DIR_PROPERTY = "felix.fileinstall.dir";
    private static final System.Logger LOG = System.getLogger(DevFolder.class.getName());

    private final BundleContext context;
    private final ServerSettings settings;
    private final DevFailures failures;

    /**
     * @param context this bundle's context
     * @param settings where the switch is read
     * @param failures what FileInstall reported
     */
    @Activate
    public DevFolder(BundleContext context, @Reference ServerSettings settings, @Reference DevFailures failures) {
        this.context = context;
        this.settings = settings;
        this.failures = failures;
        apply();
    }

    @Deactivate
    void deactivate() {
        fileInstall().ifPresent(DevFolder::stopQuietly);
    }

    @Override
    public void settingsChanged(List<String> changedPaths) {
        if (changedPaths.stream().anyMatch(DevFolderSettings.SETTING::equalsIgnoreCase)) {
            apply();
        }
    }

    /** @return whether the admin turned the folder on */
    boolean enabled() {
        return Boolean.TRUE.equals(settings.get(DevFolderSettings.SETTING, DevFolderSettings.DEFINITION));
    }

    /** @return the folder the launcher configured, if it did */
    Optional<Path> folder() {
        String dir = context.getProperty(DIR_PROPERTY);
        return dir == null || dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir).toAbsolutePath().normalize());
    }

    /** @return whether FileInstall is watching right now */
    boolean watching() {
        return fileInstall().map(b -> b.getState() == Bundle.ACTIVE).orElse(false);
    }

    /** @return the bundles installed from the folder */
    List<Bundle> bundles() {
        List<Bundle> out = new ArrayList<>();
        Optional<Path> folder = folder();
        for (Bundle b : context.getBundles()) {
            if (folder.isPresent() && DevLocations.inside(b.getLocation(), folder.get())) {
                out.add(b);
            }
        }
        return out;
    }

    private synchronized void apply() {
        Optional<Bundle> fileInstall = fileInstall();
        Optional<Path> folder = folder();
        if (enabled()) {
            if (fileInstall.isEmpty() || folder.isEmpty()) {
                LOG.log(Level.WARNING, "The development folder cannot be watched: this server was not started by Apiary's "
                        + "launcher with FileInstall");
                return;
            }
            try {
                Files.createDirectories(folder.get());
                fileInstall.get().start(Bundle.START_TRANSIENT);
                LOG.log(Level.INFO, "Watching the development folder {0}", folder.get());
            } catch (Exception e) {
                LOG.log(Level.ERROR, "The development folder could not be watched", e);
            }
            return;
        }
        fileInstall.ifPresent(DevFolder::stopQuietly);
        uninstallDevBundles();
    }

    private void uninstallDevBundles() {
        List<Bundle> gone = bundles();
        for (Bundle b : gone) {
            try {
                LOG.log(Level.INFO, "Development folder off: uninstalling {0}", b.getSymbolicName());
                b.uninstall();
            } catch (BundleException | IllegalStateException e) {
                LOG.log(Level.WARNING, "Could not uninstall " + b.getLocation(), e);
            }
        }
        if (!gone.isEmpty()) {
            failures.clear();
            CountDownLatch done = new CountDownLatch(1);
            context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(gone, e -> {
                if (e.getType() == FrameworkEvent.PACKAGES_REFRESHED || e.getType() == FrameworkEvent.ERROR) {
                    done.countDown();
                }
            });
            try {
                done.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Optional<Bundle> fileInstall() {
        for (Bundle b : context.getBundles()) {
            if (FILEINSTALL.equals(b.getSymbolicName())) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    private static void stopQuietly(Bundle b) {
        if (b.getState() == Bundle.ACTIVE || b.getState() == Bundle.STARTING) {
            try {
                b.stop(Bundle.STOP_TRANSIENT);
            } catch (BundleException e) {
                LOG.log(Level.WARNING, "Could not stop FileInstall", e);
            }
        }
    }
}
