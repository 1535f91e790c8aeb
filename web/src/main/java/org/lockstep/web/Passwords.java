package org.lockstep.web;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Password hashes (Argon2id, Bouncy Castle) in the PHC string format
 * {@code $argon2id$v=19$m=19456,t=2,p=1$SALT$HASH} (OWASP's minimum: 19 MiB, 2 passes), so the cost can be
 * raised later and old hashes still verify. Salt is 16 random bytes; comparison is constant-time.
 */
final class Passwords {
    static final int MEMORY_KB = 19_456, ITERATIONS = 2, PARALLELISM = 1, HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private Passwords() {}

    static String hash(char[] password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        byte[] h = argon2(password, salt, MEMORY_KB, ITERATIONS, PARALLELISM, HASH_BYTES);
        return "$argon2id$v=19$m=" + MEMORY_KB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$" + B64.encodeToString(salt) + "$"
                + B64.encodeToString(h);
    }

    /** Whether the password matches the stored PHC string (false for a malformed one). */
    static boolean verify(char[] password, String stored) {
        try {
            String[] p = stored.split("\\$");
            if (p.length != 6 || !p[1].equals("argon2id") || !p[2].equals("v=19")) return false;
            int m = 0, t = 0, par = 0;
            for (String kv : p[3].split(",")) {
                String[] x = kv.split("=");
                switch (x[0]) {
                    case "m" -> m = Integer.parseInt(x[1]);
                    case "t" -> t = Integer.parseInt(x[1]);
                    case "p" -> par = Integer.parseInt(x[1]);
                    default -> { return false; }
                }
            }
            byte[] salt = B64D.decode(p[4]), expected = B64D.decode(p[5]);
            byte[] h = argon2(password, salt, m, t, par, expected.length);
            return MessageDigest.isEqual(h, expected);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A dummy verification, so that an unknown user name takes as long as a wrong password. */
    static void burn(char[] password) {
        argon2(password, new byte[16], MEMORY_KB, ITERATIONS, PARALLELISM, HASH_BYTES);
    }

    private static byte[] argon2(char[] password, byte[] salt, int memoryKb, int iterations, int parallelism, int len) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKb).withIterations(iterations).withParallelism(parallelism).withSalt(salt).build();
        Argon2BytesGenerator g = new Argon2BytesGenerator();
        g.init(params);
        ByteBuffer bb = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] pw = Arrays.copyOfRange(bb.array(), bb.position(), bb.limit());
        byte[] out = new byte[len];
        g.generateBytes(pw, out);
        Arrays.fill(pw, (byte) 0);
        Arrays.fill(bb.array(), (byte) 0);
        return out;
    }

    /** SHA-256 hex of an API token: tokens are long random strings, so a fast hash is enough and lookups stay cheap. */
    static String sha256(String token) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder();
            for (byte b : d) sb.append(String.format("%02x", b));
            return sb.toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
