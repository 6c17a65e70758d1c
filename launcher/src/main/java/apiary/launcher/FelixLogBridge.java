package apiary.launcher;

import java.util.logging.Level;
import java.util.logging.Logger;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * Sends the Felix framework's own messages (resolution failures, activator errors...) into
 * {@code java.util.logging}, where the server's log pipeline collects everything.
 */
final class FelixLogBridge extends org.apache.felix.framework.Logger {
    private static final Logger LOG = Logger.getLogger("org.apache.felix.framework");

    @Override
    protected void doLog(Bundle bundle, ServiceReference sr, int level, String msg, Throwable throwable) {
        String text = bundle == null ? msg : msg + " (bundle " + bundle.getSymbolicName() + ")";
        LOG.log(toJul(level), text, throwable);
    }

    private static Level toJul(int felixLevel) {
        switch (felixLevel) {
            case LOG_ERROR:
                return Level.SEVERE;
            case LOG_WARNING:
                return Level.WARNING;
            case LOG_INFO:
                return Level.INFO;
            default:
                return Level.FINE;
        }
    }
}
