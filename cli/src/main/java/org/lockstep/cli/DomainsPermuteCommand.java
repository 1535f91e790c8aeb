package org.lockstep.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.lockstep.core.domains.LookalikeMatcher;
import org.lockstep.core.domains.Permuter;
import org.lockstep.core.domains.Technique;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lockstep domains permute}: a watch list of look-alikes of one or more domains. */
@Command(name = "permute", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes the look-alikes of each DOMAIN: every dnstwist fuzzer (typos, bit flips, homoglyphs, hyphenation, dots, keywords, suffix swaps)",
                "and, unless --no-combine, their combinations (a typo under every suffix, keywords under every suffix, the real domain in front of another suffix)."})
final class DomainsPermuteCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DOMAIN", arity = "1..*", description = "Domains to permute.")
    List<String> domains;

    @Option(names = "--suffix", paramLabel = "SUFFIX", description = "Suffix for swaps (repeatable; default: a built-in list of about 60).")
    List<String> suffixes = new ArrayList<>();

    @Option(names = "--keyword", paramLabel = "WORD", description = "Extra keyword (repeatable; added to the built-in ones).")
    List<String> keywords = new ArrayList<>();

    @Option(names = "--no-combine", description = "Single techniques only (as dnstwist does).")
    boolean noCombine;

    @Option(names = "--limit", defaultValue = "1000000", paramLabel = "N", description = "At most N names per domain (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--format", defaultValue = "tsv", paramLabel = "tsv|json|list", description = "tsv (default), json (one object per line) or list (names only).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of standard output.")
    Path output;

    @Override
    public Integer call() throws Exception {
        if (!List.of("tsv", "json", "list").contains(format)) {
            System.err.println("lockstep domains permute: --format must be tsv, json or list");
            return Main.USAGE;
        }
        List<String> kw = new ArrayList<>(LookalikeMatcher.DEFAULT_KEYWORDS);
        kw.addAll(keywords);
        Permuter permuter = new Permuter(Permuter.Config.builder().suffixes(suffixes.isEmpty() ? Permuter.DEFAULT_SUFFIXES : suffixes).keywords(kw)
                .combine(!noCombine).limit(limit).build());
        Writer w = new BufferedWriter(new OutputStreamWriter(output == null ? System.out : Files.newOutputStream(output), StandardCharsets.UTF_8), 1 << 16);
        long total = 0;
        DomainsOutput out = format.equals("list") ? null : new DomainsOutput(w, DomainsOutput.Format.valueOf(format), List.of("domain", "original", "techniques"));
        try {
            for (String d : domains) {
                List<Permuter.Permutation> ps;
                try {
                    ps = permuter.permute(d);
                } catch (IllegalArgumentException e) {
                    System.err.println("lockstep domains permute: " + DomainsMatchCommand.Safe.text(e.getMessage()));
                    return Main.USAGE;
                }
                for (Permuter.Permutation p : ps) {
                    if (out == null) {
                        w.write(p.domain());
                        w.write('\n');
                    } else {
                        List<String> t = new ArrayList<>();
                        for (Technique x : Technique.values()) if (p.techniques().contains(x)) t.add(x.label());
                        out.row(p.domain(), d, t);
                    }
                }
                total += ps.size();
            }
        } finally {
            if (out != null) out.close();
            if (output != null) w.close();
            else w.flush();
        }
        System.err.println("lockstep domains permute: " + total + " names");
        return Main.OK;
    }
}
