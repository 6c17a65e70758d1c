package apiary.core.models.internal.util;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;

import apiary.core.api.json.Json;
import apiary.core.api.route.ApiError;
import apiary.core.api.route.Param;
import apiary.core.api.route.Route;
import apiary.core.api.route.RouteArea;
import apiary.core.api.route.RouteProvider;
import apiary.core.models.internal.library.ModelLibraryService;
import apiary.core.models.internal.paths.ModelFolders;
import apiary.core.models.internal.paths.ModelNames;
import apiary.core.models.internal.pickle.PickleRefused;
import apiary.core.models.internal.pickle.SafetensorsConverter;
import apiary.core.models.internal.tokenizer.ClipTokenizer;
import apiary.core.models.internal.tokenizer.PromptForLength;
import apiary.core.models.internal.tokenizer.Token;
import apiary.core.models.internal.wildcards.WildcardStore;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The UtilAPI area: CountTokens and TokenizeInDetail on the real CLIP tokenizer, WipeMetadata, Pickle2SafeTensor. */
@Component(service = RouteProvider.class)
@RouteArea(value = "UtilAPI", description = "General utility API routes.")
public final class UtilRoutes implements RouteProvider {
    private static final System.Logger LOG = System.getLogger(UtilRoutes.class.getName());
    private static final int MAX_TEXT = 100 * 1024;

    private final ModelLibraryService library;
    private final WildcardStore wildcards;
    private final Json json;
    private volatile ClipTokenizer tokenizer;

    /**
     * @param library the models (wiped and converted)
     * @param wildcards the wildcards (their longest option counts)
     * @param json JSON for the vocabulary and headers
     */
    @Activate
    public UtilRoutes(@Reference ModelLibraryService library, @Reference WildcardStore wildcards, @Reference Json json) {
        this.library = library;
        this.wildcards = wildcards;
        this.json = json;
    }

    /** Loaded on first use: the vocabulary is 1.5 MB and start-up should not pay for it. */
    private ClipTokenizer tokenizer() {
        ClipTokenizer t = tokenizer;
        if (t == null) {
            synchronized (this) {
                if (tokenizer == null) {
                    tokenizer = ClipTokenizer.load(json);
                }
                t = tokenizer;
            }
        }
        return t;
    }

    private String prepare(String text, boolean skipPromptSyntax, String tokenset) {
        if (text.length() > MAX_TEXT) {
            throw new ApiError("Text too long, refused.");
        }
        if (tokenset == null || tokenset.isBlank() || tokenset.length() > 128 || tokenset.contains("/") || tokenset.contains(".")) {
            throw new ApiError("Invalid tokenset (refused characters or format), refused.");
        }
        if (!"clip".equals(tokenset)) {
            throw new ApiError("Tokenset '" + tokenset + "' does not exist.");
        }
        return skipPromptSyntax ? new PromptForLength(n -> wildcards.options(n).orElse(List.of())).clean(text) : text;
    }

    /** @return {@code {"count": n}}: the tokens of the longest {@code <break>} section */
    @Route(permission = "use_tokenizer", description = "Count the CLIP-like tokens in a given text prompt.", returns = "\"count\": 0")
    public Map<String, Object> CountTokens(@Param(description = "The text to tokenize.") String text,
            @Param(description = "If false, process prompt syntax (things like `<random:`) as if its regular text. If true, clean it up first.", defaultValue = "False") boolean skipPromptSyntax,
            @Param(description = "What tokenization set to use.", defaultValue = "clip") String tokenset,
            @Param(description = "If true, process weighting (like `(word:1.5)`). If false, don't process that.", defaultValue = "True") boolean weighting) {
        String prepared = prepare(text, skipPromptSyntax, tokenset);
        if (!weighting) {
            return Map.of("count", tokenizer().encode(prepared).size());
        }
        int biggest = 0;
        for (String section : prepared.split("<break>", -1)) {
            biggest = Math.max(biggest, tokenizer().encodeWeighted(section).size());
        }
        return Map.of("count", biggest);
    }

    /** @return {@code {"tokens": [{"id", "weight", "text"}...]}} */
    @Route(permission = "use_tokenizer", description = "Tokenize some prompt text and get thorough detail about it.",
            returns = "\"tokens\": [ { \"id\": 123, \"weight\": 1.0, \"text\": \"tok\" } ]")
    public Map<String, Object> TokenizeInDetail(@Param(description = "The text to tokenize.") String text,
            @Param(description = "If false, process prompt syntax (things like `<random:`) as if its regular text. If true, clean it up first.", defaultValue = "False") boolean skipPromptSyntax,
            @Param(description = "What tokenization set to use.", defaultValue = "clip") String tokenset,
            @Param(description = "If true, process weighting (like `(word:1.5)`). If false, don't process that.", defaultValue = "True") boolean weighting) {
        String prepared = prepare(text, skipPromptSyntax, tokenset);
        List<Token> tokens = weighting ? tokenizer().encodeWeighted(prepared) : tokenizer().encode(prepared);
        List<Map<String, Object>> out = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", t.id());
            m.put("weight", t.weight());
            m.put("text", t.text());
            out.add(m);
        }
        return Map.of("tokens", out);
    }

    /** @return {@code {"success": true}} once the cache is empty and every model was read again */
    @Route(permission = "reset_metadata", userUpdate = true, description = "Trigger a mass metadata reset.", returns = "\"success\": true")
    public CompletionStage<Map<String, Object>> WipeMetadata() {
        return library.wipeAndRescan().thenApply(done -> Map.of("success", true));
    }

    /** @return {@code {"success": true}}, or the first file that could not be converted */
    @Route(permission = "pickle2safetensors", userUpdate = true, returns = "\"success\": true",
            description = "Trigger bulk conversion of models from pickle format to safetensors.")
    public CompletionStage<Map<String, Object>> Pickle2SafeTensor(
            @Param(description = "What type of model to convert, eg `Stable-Diffusion`, `LoRA`, etc.") String type,
            @Param(description = "If true, convert to fp16 while processing. If false, use original model's weight type.") boolean fp16) {
        if (!ModelFolders.isSubtype(type)) {
            throw new ApiError("Invalid type '" + type + "'.");
        }
        return CompletableFuture.supplyAsync(() -> convertAll(type, fp16)).thenCompose(result ->
                library.rescan().thenApply(done -> result));
    }

    private Map<String, Object> convertAll(String type, boolean fp16) {
        SafetensorsConverter converter = new SafetensorsConverter(json);
        List<String> failed = new ArrayList<>();
        int converted = 0;
        for (Path folder : library.settings().folders().folders(type)) {
            for (Path file : legacyFiles(folder)) {
                try {
                    converter.convert(file, fp16);
                    converted++;
                } catch (PickleRefused e) {
                    failed.add(folder.relativize(file) + ": " + e.getMessage());
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.WARNING, "Converting " + file + " failed", e);
                    failed.add(folder.relativize(file) + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
                }
            }
        }
        LOG.log(Level.INFO, "Pickle2SafeTensor: {0} converted, {1} refused", converted, failed.size());
        if (!failed.isEmpty()) {
            throw new ApiError("Converted " + converted + " file(s); could not convert " + String.join("; ", failed));
        }
        return Map.of("success", true);
    }

    private static List<Path> legacyFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> ModelNames.LEGACY.contains(ModelNames.extension(p.getFileName().toString()))).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
