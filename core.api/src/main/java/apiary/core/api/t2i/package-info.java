/**
 * Text-to-image parameters: their definitions ({@link apiary.core.api.t2i.T2IParam}), the whiteboard through which
 * bundles contribute them ({@link apiary.core.api.t2i.T2IParamProvider}), the registry that lists and parses them, and
 * the parsed request a backend reads ({@link apiary.core.api.t2i.T2IRequest}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package apiary.core.api.t2i;
