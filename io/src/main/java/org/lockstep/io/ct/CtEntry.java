package org.lockstep.io.ct;

import java.util.List;

/**
 * One log entry, reduced to what look-alike detection needs.
 *
 * @param index      position in the log
 * @param timestamp  the log's timestamp of the entry, milliseconds since the epoch
 * @param precert    true for a precertificate entry
 * @param names      subject common names and DNS subject alternative names, as written (untrusted)
 * @param issuer     issuer distinguished name (untrusted), or "" when unknown
 * @param problem    why the entry could not be parsed, or null
 */
public record CtEntry(long index, long timestamp, boolean precert, List<String> names, String issuer, String problem) {
    public CtEntry {
        names = List.copyOf(names);
    }

    /**
     * True when the issuer is a certificate authority that issues certificates for free and
     * automatically (Let's Encrypt, ZeroSSL, Buypass Go, Google Trust Services, cPanel, SSL.com's
     * free tier is not counted). Phishing sites mostly use these (APWG, Phishing Activity Trends).
     */
    public boolean freeCa() {
        String i = issuer.toLowerCase(java.util.Locale.ROOT);
        return i.contains("let's encrypt") || i.contains("zerossl") || i.contains("buypass") && i.contains("go")
                || i.contains("google trust services") || i.contains("cpanel");
    }
}
