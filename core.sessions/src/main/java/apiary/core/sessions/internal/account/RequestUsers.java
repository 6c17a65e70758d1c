package apiary.core.sessions.internal.account;

import java.util.Optional;

import apiary.core.api.route.CallContext;
import apiary.core.sessions.internal.auth.ClientAddress;
import apiary.core.sessions.internal.auth.LoginTokens;
import apiary.core.sessions.internal.settings.AuthSettings;

/**
 * Who is calling when there is no session yet (GetNewSession) or none at all (GET file routes): in local mode the
 * local user; in login-required mode the owner of a valid {@code swarm_token} cookie, or the local user through the
 * localhost bypass. No header can choose a user.
 */
public final class RequestUsers {
    /** A resolved caller and the login token it came with (null for local mode and the bypass). */
    public record Caller(UserImpl user, String tokenId) {
    }

    private RequestUsers() {
    }

    public static Optional<Caller> resolve(CallContext context, Accounts accounts, AuthSettings auth) {
        if (!auth.authorizationRequired()) {
            return Optional.of(new Caller(accounts.localUser(), null));
        }
        Optional<LoginTokens.Token> token = context.cookie(LoginTokens.COOKIE).flatMap(accounts.tokens()::validate);
        Optional<UserImpl> owner = token.flatMap(t -> accounts.user(t.userId()));
        if (owner.isPresent()) {
            return Optional.of(new Caller(owner.get(), token.get().id()));
        }
        if (auth.allowLocalhostBypass() && ClientAddress.isLocalhost(context)) {
            return Optional.of(new Caller(accounts.localUser(), null));
        }
        return Optional.empty();
    }
}
