package apiary.itest;

import java.nio.file.Path;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/** Installs the {@code itest.echo} test bundle into the running framework and removes it again. */
public final class EchoBundle implements AutoCloseable {
    private final Bundle bundle;

    private EchoBundle(Bundle bundle) {
        this.bundle = bundle;
    }

    /** Installs and starts the echo bundle. */
    public static EchoBundle install(BundleContext context) throws BundleException {
        String location = Path.of(System.getProperty("apiary.itest.echoBundle")).toUri().toString();
        Bundle b = context.installBundle(location);
        b.start();
        return new EchoBundle(b);
    }

    /** @return the installed bundle */
    public Bundle bundle() {
        return bundle;
    }

    @Override
    public void close() throws BundleException {
        if (bundle.getState() != Bundle.UNINSTALLED) {
            bundle.uninstall();
        }
    }
}
