package apiary.core.sessions.internal.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AuthRoutesTest {
    @Test
    void loginNamesAreCleanedLikeSwarmUI() {
        assertEquals("alice_01", AuthRoutes.cleanUserName("Alice_01!"));
        assertEquals("bob", AuthRoutes.cleanUserName(" b.o-b "));
    }
}
