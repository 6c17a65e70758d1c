package apiary.core.t2i.internal.routes;

/** The route areas of this bundle: SwarmUI's T2IAPI, and Apiary's own additions beside it. */
final class T2IArea {
    static final String NAME = "T2IAPI";
    static final String DESCRIPTION = "API routes for actual text-to-image processing and directly related features.";
    static final String APIARY_NAME = "ApiaryT2IAPI";
    static final String APIARY_DESCRIPTION = "Apiary's additions to the text-to-image routes: paged image history and the parameter registry's runtime view.";

    private T2IArea() {
    }
}
