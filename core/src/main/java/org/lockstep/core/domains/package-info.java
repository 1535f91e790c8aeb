/**
 * Look-alike domain detection: which protected site does an observed host name imitate, and by
 * which techniques (suffix swap, typo, homoglyph, keyword, dots turned into hyphens, the real name in
 * front of a longer host, free-hosting subdomains, and their combinations).
 *
 * <p>{@link org.lockstep.core.domains.LookalikeMatcher} answers the reverse question for any host
 * name against all protected entities at once, using indexes (a deletion neighbourhood for edit
 * distance one, an Aho–Corasick automaton for names inside longer labels, UTS #39 skeletons for
 * homoglyphs) so that nothing is enumerated per candidate. {@link org.lockstep.core.domains.Permuter}
 * answers the forward question (a watch list of permutations of one domain).
 */
package org.lockstep.core.domains;
