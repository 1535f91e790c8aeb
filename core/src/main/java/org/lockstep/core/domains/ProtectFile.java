package org.lockstep.core.domains;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads protected entities from a small text file. A plain list of domains, one per line, is valid
 * (each line its own entity). Richer entries are blocks:
 *
 * <pre>
 * # comment
 * [En Marche]
 * domains: en-marche.fr, enmarche.fr
 * sisters: lrem.fr
 * certificates: *.en-marche.fr, en-marche.cdn.example.net
 * names: En Marche, La République en marche
 * keywords: macron
 * country: fr
 * </pre>
 *
 * A bare domain inside a block is one more of its domains. A domain may be a namespace that is a
 * public suffix of its own ({@code gouv.fr}, {@code gov.pl}, {@code mil.ae}): a government protects
 * every name under it ({@code *.gouv.fr} is its own) and look-alikes of the namespace
 * ({@code gouv-fr.com}, {@code gouvfr.org}, {@code service-gouv.fr.xyz}) are searched. Names on the
 * organisation's own certificates ({@code certificates:}) are never flagged, like sisters. Bad lines
 * are reported with their line number and skipped; they never stop the load.
 */
public final class ProtectFile {
    /** A line that was skipped, and why. */
    public record Problem(int line, String reason) {}

    /** What was read: the entities and the skipped lines. */
    public record Loaded(List<ProtectedEntity> entities, List<Problem> problems) {}

    private ProtectFile() {}

    /** Reads all entities from {@code in}. */
    public static Loaded read(Reader in) throws IOException {
        BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in);
        List<ProtectedEntity> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Block block = null;
        String line;
        int no = 0;
        while ((line = r.readLine()) != null) {
            no++;
            if (line.length() > 10_000) {
                problems.add(new Problem(no, "line too long"));
                continue;
            }
            String t = line.strip();
            if (no == 1 && t.startsWith("\uFEFF")) t = t.substring(1).strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            if (t.startsWith("[")) {
                if (!t.endsWith("]") || t.length() < 3) {
                    problems.add(new Problem(no, "entity header must look like [Name]"));
                    continue;
                }
                if (block != null) finish(block, out, problems);
                block = new Block(t.substring(1, t.length() - 1).strip(), no);
                continue;
            }
            int colon = t.indexOf(':');
            if (colon > 0 && !t.startsWith("://", colon) && t.substring(0, colon).strip().matches("[A-Za-z]+")) {
                if (block == null) {
                    problems.add(new Problem(no, "field outside an [entity] block"));
                    continue;
                }
                String key = t.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                List<String> values = split(t.substring(colon + 1));
                switch (key) {
                    case "domains", "domain" -> addDomains(values, block.domains, no, problems);
                    case "sisters", "sister" -> addDomains(values, block.sisters, no, problems);
                    case "certificates", "certificate", "certnames" -> addDomains(values, block.sisters, no, problems);
                    case "names", "name" -> block.names.addAll(values);
                    case "keywords", "keyword" -> {
                        for (String v : values) block.keywords.add(v.toLowerCase(Locale.ROOT));
                    }
                    case "country" -> {
                        String c = values.isEmpty() ? "" : values.get(0).toLowerCase(Locale.ROOT);
                        if (c.matches("[a-z]{2}")) block.country = c;
                        else problems.add(new Problem(no, "country must be a two-letter code"));
                    }
                    default -> problems.add(new Problem(no, "unknown field '" + key + "'"));
                }
                continue;
            }
            String d = domain(t);
            if (d == null) {
                problems.add(new Problem(no, "not a domain name"));
                continue;
            }
            if (block != null) block.domains.add(d);
            else out.add(ProtectedEntity.ofDomain(d));
        }
        if (block != null) finish(block, out, problems);
        return new Loaded(List.copyOf(out), List.copyOf(problems));
    }

    private static final class Block {
        final String name;
        final int line;
        final Set<String> domains = new LinkedHashSet<>();
        final Set<String> sisters = new LinkedHashSet<>();
        final List<String> names = new ArrayList<>();
        final List<String> keywords = new ArrayList<>();
        String country;

        Block(String name, int line) {
            this.name = name;
            this.line = line;
        }
    }

    private static void finish(Block b, List<ProtectedEntity> out, List<Problem> problems) {
        if (b.domains.isEmpty() && b.names.isEmpty()) {
            problems.add(new Problem(b.line, "entity [" + b.name + "] has neither domains nor names"));
            return;
        }
        out.add(new ProtectedEntity(b.name, List.copyOf(b.domains), List.copyOf(b.sisters), b.names, b.keywords, b.country));
    }

    private static void addDomains(List<String> values, Set<String> into, int no, List<Problem> problems) {
        for (String v : values) {
            String d = domain(v);
            if (d == null) problems.add(new Problem(no, "not a domain name: " + Texts.printable(v)));
            else into.add(d);
        }
    }

    private static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        for (String p : s.split(",")) {
            String t = p.strip();
            if (!t.isEmpty()) out.add(t);
        }
        return out;
    }

    /** The ASCII form of a domain written by a user (URL prefixes and {@code www.} removed), or null. */
    static String domain(String s) {
        String t = s.strip();
        int scheme = t.indexOf("://");
        if (scheme >= 0) t = t.substring(scheme + 3);
        int slash = t.indexOf('/');
        if (slash >= 0) t = t.substring(0, slash);
        if (t.isEmpty() || t.indexOf(' ') >= 0) return null;
        Object p = HostName.parse(t);
        if (!(p instanceof HostName.Parsed h)) return null;
        String a = h.ascii();
        if (a.startsWith("www.") && h.labels().length > 2) a = a.substring(4);
        // a bare public suffix is a namespace (gouv.fr, gov.pl, mil.ae); a top-level domain alone is not
        if (h.suffixStart() == 0 && h.labels().length < 2) return null;
        return a;
    }
}
