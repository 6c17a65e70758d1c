package apiary.itest.hardening;

import java.util.concurrent.ThreadLocalRandom;

/** Loopback source addresses other than 127.0.0.1, so that each hostile or normal client is an address of its own. */
final class RandomAddress {
    private RandomAddress() {
    }

    static String next() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "127." + r.nextInt(10, 250) + "." + r.nextInt(0, 256) + "." + r.nextInt(2, 255);
    }
}
