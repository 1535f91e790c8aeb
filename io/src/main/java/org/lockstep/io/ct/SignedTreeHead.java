package org.lockstep.io.ct;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * A log's signed tree head (RFC 6962 §3.5, §4.3): tree size, timestamp, SHA-256 root hash and the
 * log's signature over them, as base64 strings from {@code get-sth}.
 */
public record SignedTreeHead(long treeSize, long timestamp, String rootHash, String signature) {
    /**
     * Checks the signature with the log's public key (its DER SubjectPublicKeyInfo, as published in
     * the log list). The signed data is the RFC 6962 §3.5 {@code TreeHeadSignature}: version v1 (0),
     * signature type tree_hash (1), the timestamp and tree size as 64-bit big-endian numbers, and
     * the 32-byte root hash; the signature is a TLS {@code DigitallySigned} (hash SHA-256 = 4,
     * algorithm RSA = 1 or ECDSA = 3, 16-bit length, signature).
     *
     * @return null when it verifies, otherwise why not (never throws on malformed input)
     */
    public String verify(PublicKey logKey) {
        byte[] root, ds;
        try {
            root = Base64.getDecoder().decode(rootHash);
            ds = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return "root hash or signature is not base64";
        }
        if (root.length != 32) return "root hash has " + root.length + " bytes, not 32";
        if (ds.length < 4) return "signature too short";
        int hash = ds[0] & 0xff, alg = ds[1] & 0xff, len = (ds[2] & 0xff) << 8 | ds[3] & 0xff;
        if (hash != 4) return "signature hash algorithm " + hash + " is not SHA-256 (4)";
        if (ds.length != 4 + len) return "signature length field " + len + " does not match " + (ds.length - 4) + " bytes";
        String jca = switch (alg) {
            case 1 -> "SHA256withRSA";
            case 3 -> "SHA256withECDSA";
            default -> null;
        };
        if (jca == null) return "signature algorithm " + alg + " is neither RSA (1) nor ECDSA (3)";
        ByteBuffer data = ByteBuffer.allocate(2 + 8 + 8 + 32);
        data.put((byte) 0).put((byte) 1).putLong(timestamp).putLong(treeSize).put(root);
        try {
            Signature s = Signature.getInstance(jca);
            s.initVerify(logKey);
            s.update(data.array());
            return s.verify(ds, 4, len) ? null : "signature does not verify with the log's key";
        } catch (GeneralSecurityException e) {
            return "signature check failed: " + e.getMessage();
        }
    }

    /** A log key from its base64 DER SubjectPublicKeyInfo (the {@code key} field of the CT log list). */
    public static PublicKey publicKey(String base64Der) throws GeneralSecurityException {
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64Der.strip());
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("log key is not base64");
        }
        X509EncodedKeySpec spec = new X509EncodedKeySpec(der);
        for (String algorithm : new String[] {"EC", "RSA"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(spec);
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new GeneralSecurityException("log key is neither an EC nor an RSA public key");
    }
}
