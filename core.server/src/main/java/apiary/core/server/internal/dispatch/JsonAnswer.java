package apiary.core.server.internal.dispatch;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;

import apiary.core.server.internal.json.JsonCodec;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Writes an API answer as JSON. Answers up to {@value #IN_ONE_PIECE} bytes go out in one piece with a
 * Content-Length, as SwarmUI sends them; a larger one (a user's data with many presets) is streamed to the client as
 * it is serialised, so that the server never holds a second, serialised copy of it: many such answers at once cost
 * the values they are made of, not twice that.
 */
final class JsonAnswer extends OutputStream {
    private static final System.Logger LOG = System.getLogger(JsonAnswer.class.getName());
    static final int IN_ONE_PIECE = 256 * 1024;
    private static final int STREAM_PIECE = 64 * 1024;

    private final Response response;
    private final ByteArrayOutputStream head = new ByteArrayOutputStream(1024);
    private OutputStream stream;

    private JsonAnswer(Response response) {
        this.response = response;
    }

    static void write(Response response, Callback callback, int status, Object body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        JsonAnswer out = new JsonAnswer(response);
        try {
            JsonCodec.write(body, out);
        } catch (IOException | RuntimeException e) {
            if (out.stream != null) {
                LOG.log(Level.ERROR, "API result could not be written as JSON after part of it was sent", e);
                callback.failed(e);
                return;
            }
            LOG.log(Level.ERROR, "API result could not be written as JSON", e);
            response.setStatus(ApiErrors.INTERNAL_ERROR.status);
            out.head.reset();
            out.head.writeBytes(JsonCodec.bytes(ApiErrors.INTERNAL_ERROR.body));
        }
        out.finish(callback);
    }

    private void finish(Callback callback) {
        if (stream == null) {
            byte[] bytes = head.toByteArray();
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
            response.write(true, ByteBuffer.wrap(bytes), callback);
            return;
        }
        try {
            stream.close();
            callback.succeeded();
        } catch (IOException e) {
            callback.failed(e);
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (stream != null) {
            stream.write(b, off, len);
            return;
        }
        if (head.size() + len <= IN_ONE_PIECE) {
            head.write(b, off, len);
            return;
        }
        // Too large for one piece: from now on the answer streams (chunked), starting with what was collected. Jackson
        // hands over 8 KB at a time and each write to the response blocks until it is sent: gathered into 64 KB
        // pieces, a 7 MB model listing makes ~110 blocking writes instead of ~900.
        stream = new BufferedOutputStream(Content.Sink.asOutputStream(response), STREAM_PIECE);
        head.writeTo(stream);
        head.reset();
        stream.write(b, off, len);
    }
}
