package apiary.core.api.route;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes one JSON parameter of a {@link Route} method.
 *
 * <p>Scalar parameters bind by their exact, case-sensitive name. A parameter with no {@link #defaultValue()} is
 * required; a missing one is answered with {@code Missing required parameter 'NAME'}. Defaults are written as text
 * and parsed like request values, so {@code "False"}, {@code "-1"} and {@code "all"} all work; {@link #NULL} means
 * the parameter is optional and {@code null} when absent.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Param {
    /** Default of {@link #defaultValue()}: the parameter is required. */
    String REQUIRED = "\u0000(REQUIRED)";

    /** A {@link #defaultValue()} meaning "optional, {@code null} when absent". */
    String NULL = "\u0000(null)";

    /** The JSON key; defaults to the Java parameter name (compile with {@code -parameters}). */
    String name() default "";

    /** What the parameter means, for the docs. */
    String description();

    /** The value used when the key is absent, as text; {@link #REQUIRED} (the default) or {@link #NULL}. */
    String defaultValue() default REQUIRED;
}
