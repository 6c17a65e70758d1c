/** The reference extension: one route, one permission. */
@Extension(value = "hello", name = "Hello", description = "Greets people: one route and one permission of its own.",
        author = "Apiary", license = "Apache-2.0", tags = "tools")
package apiary.ext.hello;

import apiary.core.api.extension.Extension;
