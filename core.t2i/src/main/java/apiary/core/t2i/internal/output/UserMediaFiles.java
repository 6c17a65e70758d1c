package apiary.core.t2i.internal.output;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;

import apiary.core.api.session.User;
import apiary.core.api.t2i.MediaInput;
import apiary.core.t2i.internal.params.UserMedia;
import apiary.core.t2i.internal.view.SafePaths;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Image parameters naming the user's own files ({@code raw/...}, {@code inputs/...}): read from the user's folder, never outside it. */
@Component(service = UserMedia.class)
public final class UserMediaFiles implements UserMedia {
    /** Files larger than this are not read as parameter values. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private final OutputFolders folders;

    /** @param folders where users' files live */
    @Activate
    public UserMediaFiles(@Reference OutputFolders folders) {
        this.folders = folders;
    }

    @Override
    public Optional<MediaInput> read(User user, String path) {
        SafePaths.Result found = SafePaths.resolve(folders.userRoot(user.id()), path);
        if (found.problem() != null) {
            return Optional.empty();
        }
        try {
            if (Files.size(found.file()) > MAX_BYTES) {
                return Optional.empty();
            }
            String name = found.file().getFileName().toString().toLowerCase();
            String type = name.endsWith(".jpg") || name.endsWith(".jpeg") ? "image/jpeg" : name.endsWith(".webp") ? "image/webp" : "image/png";
            return Optional.of(new MediaInput(Files.readAllBytes(found.file()), type, path));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
