package org.lockstep.core.domains;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.lockstep.core.model.PostTable;

/**
 * The host names linked in a table of posts, each with the accounts that posted it, as candidates
 * for {@link LookalikeMatcher}: a case then shows which accounts spread which look-alike.
 */
public final class PostHosts {
    /**
     * One host and who spread it.
     *
     * @param host     the host (from the table's URL column, normalised by the reader)
     * @param posts    number of posts linking it
     * @param accounts ids of the accounts that posted it, in first-seen order
     * @param firstSeen earliest post time (epoch milliseconds)
     */
    public record Spread(String host, int posts, List<String> accounts, long firstSeen) {}

    private PostHosts() {}

    /**
     * Every distinct host in {@code table} as a candidate whose context is a {@link Spread}.
     * Accounts in {@code coordinated} (may be empty) count as evidence.
     */
    public static List<LookalikeMatcher.Candidate> candidates(PostTable table, Set<String> coordinated) {
        int hosts = table.hostIds().size();
        int[] posts = new int[hosts];
        long[] first = new long[hosts];
        java.util.Arrays.fill(first, Long.MAX_VALUE);
        IntArrayList[] accounts = new IntArrayList[hosts];
        IntOpenHashSet[] seen = new IntOpenHashSet[hosts];
        for (int row = 0; row < table.size(); row++) {
            for (int i = table.hosts().start(row); i < table.hosts().end(row); i++) {
                int h = table.hosts().value(i);
                posts[h]++;
                first[h] = Math.min(first[h], table.time(row));
                if (seen[h] == null) {
                    seen[h] = new IntOpenHashSet();
                    accounts[h] = new IntArrayList();
                }
                if (seen[h].add(table.account(row))) accounts[h].add(table.account(row));
            }
        }
        List<LookalikeMatcher.Candidate> out = new ArrayList<>();
        for (int h = 0; h < hosts; h++) {
            if (posts[h] == 0) continue;
            List<String> ids = new ArrayList<>(accounts[h].size());
            int coord = 0;
            for (int a : accounts[h]) {
                String id = table.accounts().get(a);
                ids.add(id);
                if (coordinated.contains(id)) coord++;
            }
            out.add(new LookalikeMatcher.Candidate(table.hostIds().get(h),
                    new LookalikeMatcher.Evidence(false, false, coord), new Spread(table.hostIds().get(h), posts[h], ids, first[h])));
        }
        return out;
    }
}
