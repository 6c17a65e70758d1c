/** The extension's metadata: its name in the API, and what people see before installing it. */
@Extension(value = "greeter", name = "Greeter", description = "Greets people: a template extension.",
        author = "You", license = "Apache-2.0", tags = "tools")
package com.example.apiary.greeter;

import apiary.core.api.extension.Extension;
