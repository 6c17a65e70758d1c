package apiary.core.server.internal.http;

import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's own error answers (bad requests it rejects before our handler, failures it catches): a plain page with
 * the status, never a stack trace.
 */
final class SafeErrorHandler extends ErrorHandler {
    SafeErrorHandler() {
        setShowStacks(false);
        setShowCauses(false);
        setShowMessageInTitle(false);
    }
}
