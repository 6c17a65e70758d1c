package apiary.core.t2i.internal.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The signature of a job webhook: HMAC-SHA256 over the exact body bytes with the owner's secret, as {@code sha256=<hex>}. */
public final class WebhookSigner {
    /** The header the signature travels in. */
    public static final String HEADER = "X-Apiary-Signature";

    private WebhookSigner() {
    }

    /** @param secret the user's webhook secret @param body the body @return {@code sha256=<hex>} */
    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
