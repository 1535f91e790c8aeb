package org.lockstep.io.ct;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.TBSCertificate;

/**
 * Parses the {@code MerkleTreeLeaf} of RFC 6962 §3.4: version, leaf type, timestamp, entry type,
 * then an X.509 certificate ({@code ASN.1Cert}, 24-bit length) or a precertificate
 * ({@code issuer_key_hash[32]} and a {@code TBSCertificate}, 24-bit length). Names come from the
 * subject common names and the dNSName subject alternative names.
 */
final class CtParser {
    private CtParser() {}

    static CtEntry parse(long index, byte[] leaf) {
        try {
            if (leaf.length < 12) return bad(index, "leaf shorter than 12 bytes");
            if (leaf[0] != 0) return bad(index, "unknown version " + (leaf[0] & 0xff));
            if (leaf[1] != 0) return bad(index, "unknown leaf type " + (leaf[1] & 0xff));
            long ts = 0;
            for (int i = 2; i < 10; i++) ts = ts << 8 | (leaf[i] & 0xff);
            int type = (leaf[10] & 0xff) << 8 | (leaf[11] & 0xff);
            int p = 12;
            TBSCertificate tbs;
            boolean precert;
            if (type == 0) {
                int len = u24(leaf, p);
                p += 3;
                if (len <= 0 || p + len > leaf.length) return bad(index, "certificate length out of range");
                tbs = Certificate.getInstance(slice(leaf, p, len)).getTBSCertificate();
                precert = false;
            } else if (type == 1) {
                p += 32;
                int len = u24(leaf, p);
                p += 3;
                if (len <= 0 || p + len > leaf.length) return bad(index, "TBSCertificate length out of range");
                tbs = TBSCertificate.getInstance(slice(leaf, p, len));
                precert = true;
            } else {
                return bad(index, "unknown entry type " + type);
            }
            return new CtEntry(index, ts, precert, names(tbs), tbs.getIssuer() == null ? "" : tbs.getIssuer().toString(), null);
        } catch (RuntimeException | IOException e) {
            return bad(index, "unparseable certificate (" + e.getClass().getSimpleName() + ")");
        }
    }

    static List<String> names(TBSCertificate tbs) throws IOException {
        Set<String> out = new LinkedHashSet<>();
        X500Name subject = tbs.getSubject();
        if (subject != null) {
            for (RDN rdn : subject.getRDNs(BCStyle.CN)) {
                ASN1Encodable v = rdn.getFirst().getValue();
                if (v instanceof ASN1String s) out.add(s.getString());
            }
        }
        Extensions ext = tbs.getExtensions();
        if (ext != null) {
            Extension san = ext.getExtension(Extension.subjectAlternativeName);
            if (san != null) {
                for (GeneralName n : GeneralNames.getInstance(san.getParsedValue()).getNames()) {
                    if (n.getTagNo() == GeneralName.dNSName && n.getName() instanceof ASN1String s) out.add(s.getString());
                }
            }
        }
        return new ArrayList<>(out);
    }

    private static int u24(byte[] b, int p) {
        if (p + 3 > b.length) return -1;
        return (b[p] & 0xff) << 16 | (b[p + 1] & 0xff) << 8 | (b[p + 2] & 0xff);
    }

    private static byte[] slice(byte[] b, int from, int len) {
        byte[] out = new byte[len];
        System.arraycopy(b, from, out, 0, len);
        return out;
    }

    private static CtEntry bad(long index, String why) {
        return new CtEntry(index, 0, false, List.of(), "", why);
    }
}
