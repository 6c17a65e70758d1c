package apiary.core.api.route;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the API area (documentation section) of the routes declared by a {@link RouteProvider} class, for
 * example {@code BasicAPIFeatures} or {@code AdminAPI}. Without it the area is the class's simple name, which is
 * what SwarmUI does for extensions. Several classes may share one area.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RouteArea {
    /** The area name, used as the docs file name and as {@code x-area} in the OpenAPI document. */
    String value();

    /** One line describing the area, shown at the top of its generated docs page. */
    String description() default "";
}
