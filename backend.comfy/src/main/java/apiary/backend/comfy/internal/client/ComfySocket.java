package apiary.backend.comfy.internal.client;

import java.io.ByteArrayOutputStream;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import apiary.core.api.json.Json;

/**
 * One ComfyUI WebSocket with a client id of its own (a second socket with the same id would silently get nothing:
 * trace j), connected before the prompt is posted, with {@code supports_preview_metadata} negotiated. Frames are
 * queued as they arrive; the job's thread takes them with {@link #next}.
 */
public final class ComfySocket implements AutoCloseable {
    private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private final String clientId = UUID.randomUUID().toString();
    private final Json json;
    private WebSocket socket;

    private ComfySocket(Json json) {
        this.json = json;
    }

    /**
     * Connects and sends the feature flags.
     *
     * @param http the server
     * @param json the JSON codec
     * @param timeout connect timeout
     * @return the open socket
     * @throws ComfyException when the socket cannot be opened
     */
    public static ComfySocket open(ComfyHttp http, Json json, Duration timeout) throws ComfyException {
        ComfySocket s = new ComfySocket(json);
        try {
            s.socket = http.client().newWebSocketBuilder().connectTimeout(timeout)
                    .buildAsync(http.socketUri(s.clientId), s.new Listener())
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            s.socket.sendText(json.write(Map.of("type", "feature_flags",
                    "data", Map.of("supports_preview_metadata", true))), true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new ComfyException("Cannot open ComfyUI's WebSocket at " + http.base() + "/ws", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ComfyException("Interrupted while connecting to ComfyUI", e);
        }
        return s;
    }

    /** @return the client id the socket registered with */
    public String clientId() {
        return clientId;
    }

    /**
     * @param timeout how long to wait
     * @return the next frame, or {@code null} when none arrived in time
     * @throws InterruptedException when the thread is interrupted
     */
    public Frame next(Duration timeout) throws InterruptedException {
        return frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Makes a waiting {@link #next} return an empty frame at once (all fields {@code null}), e.g. on interrupt. */
    public void wake() {
        frames.add(new Frame(null, null, null));
    }

    @Override
    public void close() {
        WebSocket s = socket;
        if (s != null && !s.isOutputClosed()) {
            s.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
        }
        if (s != null) {
            s.abort();
        }
    }

    /** One received frame: a JSON text message, a binary message, or the end of the socket. */
    public static final class Frame {
        /** The parsed text message, or {@code null}. */
        public final Map<String, Object> text;
        /** The binary message, or {@code null}. */
        public final byte[] binary;
        /** Why the socket ended, for a close frame; {@code null} otherwise. */
        public final String closed;
        /** Whether the server sent a text message that is not a JSON object (the socket stays open). */
        public final boolean garbage;

        Frame(Map<String, Object> text, byte[] binary, String closed) {
            this(text, binary, closed, false);
        }

        private Frame(Map<String, Object> text, byte[] binary, String closed, boolean garbage) {
            this.text = text;
            this.binary = binary;
            this.closed = closed;
            this.garbage = garbage;
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                try {
                    Object parsed = json.read(message);
                    if (parsed instanceof Map) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> m = (Map<String, Object>) parsed;
                        frames.add(new Frame(m, null, null));
                    } else {
                        frames.add(new Frame(null, null, null, true));
                    }
                } catch (RuntimeException e) {
                    frames.add(new Frame(null, null, null, true));
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            byte[] chunk = new byte[data.remaining()];
            data.get(chunk);
            binary.writeBytes(chunk);
            if (last) {
                frames.add(new Frame(null, binary.toByteArray(), null));
                binary.reset();
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            frames.add(new Frame(null, null, "ComfyUI closed the connection"));
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            frames.add(new Frame(null, null, "The connection to ComfyUI was lost"));
        }
    }
}
