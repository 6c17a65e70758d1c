package apiary.core.models.internal.routes;

import java.util.Optional;

import apiary.core.api.route.ApiError;
import apiary.core.api.session.Session;
import apiary.core.models.internal.library.ModelLibraryService;
import apiary.core.models.internal.library.ModelRecord;
import apiary.core.models.internal.paths.ModelFolders;

/** The checks every model route starts with, with SwarmUI's messages. */
final class ModelAccess {
    static final String NOT_FOUND = "Model not found.";
    static final String WILDCARDS = "Wildcards";

    private ModelAccess() {
    }

    /** @param subtype a subtype @param wildcardsToo whether {@code Wildcards} is accepted @throws ApiError when unknown */
    static void checkSubtype(String subtype, boolean wildcardsToo) {
        if (!ModelFolders.isSubtype(subtype) && !(wildcardsToo && WILDCARDS.equals(subtype))) {
            throw new ApiError("Invalid sub-type.");
        }
    }

    /** @param name a client-sent model name @return it with {@code \} as {@code /}, no doubled or leading slashes */
    static String clean(String name) {
        String n = name.replace('\\', '/');
        while (n.contains("//")) {
            n = n.replace("//", "/");
        }
        while (n.startsWith("/")) {
            n = n.substring(1);
        }
        return n;
    }

    /**
     * SwarmUI's refusal for a model name: one the user may not use reads as not found; an empty one is invalid.
     *
     * @throws ApiError with the refusal
     */
    static void checkUsable(Session session, String name) {
        if (name == null || !session.user().mayUseModel(name)) {
            throw new ApiError(NOT_FOUND);
        }
        if (name.isBlank()) {
            throw new ApiError("Invalid empty name.");
        }
    }

    /**
     * @return the model the caller named and may use
     * @throws ApiError {@code Model not found.} otherwise
     */
    static ModelRecord find(ModelLibraryService library, Session session, String subtype, String name) {
        if (name == null || !session.user().mayUseModel(name)) {
            throw new ApiError(NOT_FOUND);
        }
        Optional<ModelRecord> r = library.index().find(subtype, name);
        return r.orElseThrow(() -> new ApiError(NOT_FOUND));
    }
}
