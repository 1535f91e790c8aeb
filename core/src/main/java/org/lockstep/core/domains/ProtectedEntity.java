package org.lockstep.core.domains;

import java.util.List;
import java.util.Objects;

/**
 * Something worth protecting from imitation: a party, a campaign, an electoral authority, a
 * newspaper. Its own domains and its sister domains are never flagged; its domains, names and
 * keywords are what look-alikes are matched against.
 *
 * @param name     display name, e.g. {@code En Marche}
 * @param domains  domains it owns (look-alikes of these are searched), lower case
 * @param sisters  domains it also owns or trusts; never flagged, not searched for
 * @param names    organisation names ({@code Le Monde}); matched as labels after removing spaces
 * @param keywords extra words that attackers combine with its names (added to the built-in ones)
 * @param country  ISO 3166 two-letter code for government namespaces ({@code gouv.fr}), or null
 */
public record ProtectedEntity(String name, List<String> domains, List<String> sisters, List<String> names,
                              List<String> keywords, String country) {
    public ProtectedEntity {
        Objects.requireNonNull(name, "name");
        domains = List.copyOf(domains);
        sisters = List.copyOf(sisters);
        names = List.copyOf(names);
        keywords = List.copyOf(keywords);
    }

    /** An entity that is just one domain. */
    public static ProtectedEntity ofDomain(String domain) {
        return new ProtectedEntity(domain, List.of(domain), List.of(), List.of(), List.of(), null);
    }
}
