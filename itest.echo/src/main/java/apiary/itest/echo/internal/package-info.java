/**
 * The integration-test bundle: echo routes and the generating echo backend type. It is also an (unlisted)
 * extension, so that a real server can install it from {@code itest.echo/target/repository/index.xml}.
 */
@Extension(value = "itest_echo", name = "Echo test backend", description = "Test routes and the itest_echo_backend "
        + "type: real PNGs from seed and prompt, with configurable latency, previews, failures and models.",
        author = "Apiary", license = "Apache-2.0", tags = {"backend", "hidden"})
package apiary.itest.echo.internal;

import apiary.core.api.extension.Extension;
