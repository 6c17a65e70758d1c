package apiary.core.t2i.internal.output;

import java.time.LocalDateTime;
import java.util.Locale;

import apiary.core.t2i.internal.params.T2IRequestImpl;

/** The values of SwarmUI's path-format tags ({@code prompt}, {@code seed}, {@code model}...) for one image, unformatted. */
public final class TagValues {
    private TagValues() {
    }

    /**
     * @param tag a tag name, e.g. {@code prompt}
     * @param request the image's parameters
     * @param batchId the image's batch index
     * @return the value as SwarmUI's unformatted fill gives it, or null for a tag that means nothing here
     */
    public static String of(String tag, T2IRequestImpl request, String batchId) {
        return OutPathBuilder.fill(tag.toLowerCase(Locale.ROOT), new OutPathBuilder.Input(LocalDateTime.now(), 0,
                request.values(), request.extraMetadata(), request.user().id(), batchId, false));
    }
}
