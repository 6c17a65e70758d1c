package apiary.core.models.internal.routes;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import javax.imageio.ImageIO;

import apiary.core.api.permission.CorePermissions;
import apiary.core.api.route.ApiError;
import apiary.core.api.route.Param;
import apiary.core.api.route.Route;
import apiary.core.api.route.RouteArea;
import apiary.core.api.route.RouteProvider;
import apiary.core.api.session.Session;
import apiary.core.models.internal.library.Previews;
import apiary.core.models.internal.paths.ModelNames;
import apiary.core.models.internal.wildcards.WildcardStore;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** TestPromptFill, EditWildcard and DeleteWildcard. Wildcard names that could leave the folder are refused. */
@Component(service = RouteProvider.class)
@RouteArea(value = "ModelsAPI", description = "API routes related to handling models (including loras, wildcards, etc).")
public final class WildcardRoutes implements RouteProvider {
    private static final System.Logger LOG = System.getLogger(WildcardRoutes.class.getName());

    private final WildcardStore wildcards;

    /** @param wildcards the wildcard files */
    @Activate
    public WildcardRoutes(@Reference WildcardStore wildcards) {
        this.wildcards = wildcards;
    }

    /** @return {@code {"result": <filled prompt>}} */
    @Route(permission = CorePermissions.FUNDAMENTAL_MODEL_ACCESS, returns = "\"result\": \"your filled prompt\"",
            description = "Tests how a prompt fills. Useful for testing wildcards, `<random:...`, etc.")
    public Map<String, Object> TestPromptFill(@Param(description = "The prompt to fill.") String prompt) {
        return Map.of("result", wildcards.fill(prompt, ThreadLocalRandom.current().nextInt(Integer.MAX_VALUE)).text());
    }

    /** @return {@code {"success": true}} */
    @Route(permission = "edit_wildcards", userUpdate = true, returns = "\"success\": true", maxRequestBytes = 32L * 1024 * 1024,
            description = "Edits a wildcard file.")
    public Map<String, Object> EditWildcard(Session session,
            @Param(description = "Exact filepath name of the wildcard.") String card,
            @Param(description = "Newline-separated string listing of wildcard options.") String options,
            @Param(description = "Image-data-string of a preview, 'clear' to remove, or null to not change.", defaultValue = Param.NULL) String preview_image,
            @Param(description = "Optional raw text of metadata to inject to the preview image.", defaultValue = Param.NULL) String preview_image_metadata) {
        String name = checked(session, card);
        Path text = wildcards.folder().resolve(name + ".txt");
        Path image = wildcards.folder().resolve(name + ".jpg");
        try {
            byte[] jpeg = preview_image == null || preview_image.isBlank() || "clear".equals(preview_image) ? null : jpeg(preview_image);
            Files.createDirectories(text.getParent());
            atomicWrite(text, options.getBytes(StandardCharsets.UTF_8));
            if ("clear".equals(preview_image)) {
                Files.deleteIfExists(image);
            } else if (jpeg != null) {
                atomicWrite(image, jpeg);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Writing wildcard " + text + " failed", e);
            throw new ApiError("Could not write the wildcard file.");
        }
        wildcards.refresh();
        Previews.edited();
        return Map.of("success", true);
    }

    /** @return {@code {"success": true}} */
    @Route(permission = "edit_wildcards", userUpdate = true, returns = "\"success\": true", description = "Deletes a wildcard file.")
    public Map<String, Object> DeleteWildcard(Session session, @Param(description = "Exact filepath name of the wildcard.") String card) {
        String name = checked(session, card);
        Path text = wildcards.folder().resolve(name + ".txt");
        if (!Files.isRegularFile(text)) {
            throw new ApiError(ModelAccess.NOT_FOUND);
        }
        try {
            Files.delete(text);
            Files.deleteIfExists(wildcards.folder().resolve(name + ".jpg"));
        } catch (IOException e) {
            throw new ApiError("Could not delete the wildcard file.");
        }
        wildcards.refresh();
        return Map.of("success", true);
    }

    private static String checked(Session session, String card) {
        ModelAccess.checkUsable(session, card);
        try {
            return ModelNames.check(card);
        } catch (IllegalArgumentException e) {
            throw new ApiError(e.getMessage());
        }
    }

    /** The preview as JPEG, as SwarmUI stores wildcard previews. */
    private static byte[] jpeg(String dataUrl) throws IOException {
        Previews.Image img = Previews.decode(dataUrl).orElseThrow(() -> new ApiError("Invalid preview image: must be a base64 image data URL."));
        if ("image/jpeg".equals(img.mediaType())) {
            return img.bytes();
        }
        BufferedImage decoded = boundedRead(img.bytes());
        if (decoded == null) {
            throw new ApiError("Invalid preview image: the image cannot be read.");
        }
        BufferedImage rgb = new BufferedImage(decoded.getWidth(), decoded.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(decoded, 0, 0, null);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ImageIO.write(rgb, "jpg", out);
        return out.toByteArray();
    }

    /** Reads an image only after its header says it is at most 16 megapixels (no decompression bombs). */
    private static BufferedImage boundedRead(byte[] bytes) throws IOException {
        try (javax.imageio.stream.ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            java.util.Iterator<javax.imageio.ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            javax.imageio.ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                if ((long) reader.getWidth(0) * reader.getHeight(0) > 16L * 1024 * 1024) {
                    throw new ApiError("Invalid preview image: larger than 16 megapixels.");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        }
    }

    private static void atomicWrite(Path target, byte[] bytes) throws IOException {
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.write(temp, bytes);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
