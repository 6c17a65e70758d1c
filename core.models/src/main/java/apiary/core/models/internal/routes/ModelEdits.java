package apiary.core.models.internal.routes;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import apiary.core.models.internal.library.ModelLibraryService;
import apiary.core.models.internal.library.ModelRecord;
import apiary.core.models.internal.meta.MetadataWriter;
import apiary.core.models.internal.meta.ModelMetadata;
import apiary.core.models.internal.meta.SafetensorsHeader;
import apiary.core.models.internal.meta.Sidecars;
import apiary.core.models.internal.paths.ModelNames;

/** File changes behind the edit routes: metadata rewrite, delete and move of a model with its sidecar files. */
final class ModelEdits {
    private final ModelLibraryService library;
    private final MetadataWriter writer;

    ModelEdits(ModelLibraryService library, MetadataWriter writer) {
        this.library = library;
        this.writer = writer;
    }

    /** Writes the metadata, then reads the file back so the index shows exactly what is on disk. */
    void writeMetadata(ModelRecord r, Map<String, String> spec) throws IOException, SafetensorsHeader.BadHeader {
        writer.write(r.path(), spec, library.settings().editWritesJson());
        BasicFileAttributes a = Files.readAttributes(r.path(), BasicFileAttributes.class);
        ModelMetadata fresh = library.extractor().extract(r.path(), siblings(r.path().getParent()));
        if (fresh.hash() == null && r.metadata().hash() != null) {
            fresh = fresh.withHash(r.metadata().hash());
        }
        library.update(new ModelRecord(r.subtype(), r.name(), r.path(), r.folder(), r.otherPaths(), a.size(),
                a.lastModifiedTime().toMillis(), r.created(), fresh));
    }

    /** Deletes the model file (and its copies when the setting says so) with its sidecars. */
    void delete(ModelRecord r) throws IOException {
        deleteOne(r.path(), r.folder());
        if (library.settings().editAllDuplicates()) {
            for (Path other : r.otherPaths()) {
                deleteOne(other, folderOf(other, r.name()));
            }
        }
        library.forget(r.subtype(), r.name());
    }

    private void deleteOne(Path file, Path folder) throws IOException {
        Files.deleteIfExists(file);
        String base = ModelNames.withoutExtension(file.getFileName().toString());
        for (String suffix : Sidecars.attached()) {
            Files.deleteIfExists(file.resolveSibling(base + suffix));
        }
        removeEmptyFolders(file.getParent(), folder);
    }

    /** Moves the model to a new name (no extension) in the same model folder, sidecars along. */
    void rename(ModelRecord r, String newNameNoExt) throws IOException {
        renameOne(r.path(), r.folder(), r.name(), newNameNoExt);
        if (library.settings().editAllDuplicates()) {
            for (Path other : r.otherPaths()) {
                renameOne(other, folderOf(other, r.name()), r.name(), newNameNoExt);
            }
        }
        library.rescan().join();
    }

    private void renameOne(Path file, Path folder, String oldName, String newNameNoExt) throws IOException {
        String ext = ModelNames.extension(oldName);
        Path target = folder.resolve(newNameNoExt + "." + ext).normalize();
        if (!target.startsWith(folder)) {
            throw new IOException("target outside the model folder");
        }
        Files.createDirectories(target.getParent());
        Files.move(file, target);
        String oldBase = ModelNames.withoutExtension(file.getFileName().toString());
        String newBase = ModelNames.fileName(newNameNoExt);
        for (String suffix : Sidecars.attached()) {
            Path side = file.resolveSibling(oldBase + suffix);
            if (Files.exists(side)) {
                Files.move(side, target.resolveSibling(newBase + suffix));
            }
        }
        removeEmptyFolders(file.getParent(), folder);
    }

    private static Path folderOf(Path copy, String name) {
        Path p = copy;
        for (int i = 0; i < name.split("/").length; i++) {
            p = p.getParent();
        }
        return p;
    }

    /** Removes now-empty folders from {@code dir} up to, but never including, the model folder. */
    private static void removeEmptyFolders(Path dir, Path folder) throws IOException {
        Path d = dir;
        while (d != null && d.startsWith(folder) && !d.equals(folder)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(d)) {
                if (entries.iterator().hasNext()) {
                    return;
                }
            }
            Files.delete(d);
            d = d.getParent();
        }
    }

    /** @return the names in a folder */
    static Set<String> siblings(Path dir) throws IOException {
        Set<String> out = new HashSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            entries.forEach(p -> out.add(p.getFileName().toString()));
        }
        return out;
    }

    /** @return the tags as SwarmUI stores them: comma-separated, trimmed, without empties; null for none */
    static String tags(String tags) {
        if (tags == null || tags.isBlank()) {
            return null;
        }
        List<String> parts = java.util.Arrays.stream(tags.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return parts.isEmpty() ? null : String.join(",", parts);
    }
}
