/**
 * Backends: the machines (ComfyUI, other Apiary servers) that run generations, their types, the generation SPI
 * ({@link apiary.core.api.backend.GeneratingBackend}, {@link apiary.core.api.backend.GenerationJob}) and the
 * scheduler that hands them work ({@link apiary.core.api.backend.BackendScheduler}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package apiary.core.api.backend;
