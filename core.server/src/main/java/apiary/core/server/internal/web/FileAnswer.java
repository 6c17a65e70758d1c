package apiary.core.server.internal.web;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import apiary.core.api.web.WebFile;

import org.eclipse.jetty.http.DateGenerator;
import org.eclipse.jetty.http.DateParser;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Streams a {@link WebFile#ofFile file answer} from disk in pieces (never the whole file in memory), with
 * {@code Accept-Ranges}/{@code Range} (one range; 416 when it lies beyond the end), a validator {@code ETag} and
 * {@code Last-Modified} answered with 304 for {@code If-None-Match} / {@code If-Modified-Since}, and HEAD. A file that
 * is gone by the time it is opened gets SwarmUI's 404 JSON.
 */
final class FileAnswer {
    private static final System.Logger LOG = System.getLogger(FileAnswer.class.getName());
    private static final int PIECE = 64 * 1024;
    static final WebFile NOT_FOUND = WebFile.error(404, "404, file not found.", "file_not_found");

    private FileAnswer() {
    }

    /** @return false when the file could not be opened (nothing written yet) */
    static boolean send(WebFile file, Path path, Request request, Response response, Callback callback) {
        SeekableByteChannel channel;
        long size;
        long modified;
        try {
            channel = Files.newByteChannel(path, StandardOpenOption.READ);
            size = channel.size();
            modified = Files.getLastModifiedTime(path).toMillis();
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "Cannot open {0}: {1}", path, e.toString());
            return false;
        }
        String etag = "\"" + Long.toHexString(modified) + "-" + Long.toHexString(size) + "\"";
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, file.contentType());
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, WebFileRoutes.cacheControl(file));
        response.getHeaders().put(HttpHeader.ETAG, etag);
        response.getHeaders().put(HttpHeader.LAST_MODIFIED, DateGenerator.formatDate(modified));
        response.getHeaders().put(HttpHeader.ACCEPT_RANGES, "bytes");
        if (notModified(request, etag, modified)) {
            close(channel);
            response.setStatus(304);
            callback.succeeded();
            return true;
        }
        String ifRange = request.getHeaders().get(HttpHeader.IF_RANGE);
        String rangeHeader = ifRange == null || ifRange.equals(etag) ? request.getHeaders().get(HttpHeader.RANGE) : null;
        ByteRange range = ByteRange.parse(rangeHeader, size);
        if (range.kind == ByteRange.Kind.UNSATISFIABLE) {
            close(channel);
            response.setStatus(416);
            response.getHeaders().put(HttpHeader.CONTENT_RANGE, range.contentRange(size));
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
            response.write(true, null, callback);
            return true;
        }
        response.setStatus(range.kind == ByteRange.Kind.PART ? 206 : 200);
        if (range.kind == ByteRange.Kind.PART) {
            response.getHeaders().put(HttpHeader.CONTENT_RANGE, range.contentRange(size));
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, range.length);
        if (HttpMethod.HEAD.is(request.getMethod()) || range.length == 0) {
            close(channel);
            response.write(true, null, callback);
            return true;
        }
        ByteBufferPool.Sized pool = new ByteBufferPool.Sized(request.getComponents().getByteBufferPool(), true, PIECE);
        Content.copy(Content.Source.from(pool, channel, range.first, range.length), response, callback);
        return true;
    }

    private static boolean notModified(Request request, String etag, long modified) {
        String ifNoneMatch = request.getHeaders().get(HttpHeader.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            for (String tag : ifNoneMatch.split(",")) {
                String t = tag.trim();
                if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
                    return true;
                }
            }
            return false;
        }
        String since = request.getHeaders().get(HttpHeader.IF_MODIFIED_SINCE);
        if (since == null) {
            return false;
        }
        long sinceMillis = DateParser.parseDate(since);
        // HTTP dates have whole seconds.
        return sinceMillis >= 0 && modified / 1000 <= sinceMillis / 1000;
    }

    private static void close(SeekableByteChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Read-only: nothing lost.
        }
    }
}
