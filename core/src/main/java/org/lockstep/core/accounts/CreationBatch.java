package org.lockstep.core.accounts;

/**
 * Accounts created close together. {@code actsTogether} when the members later share an object (a
 * hashtag, link or reposted post) far more than everyone else does, or sit in one coordination group.
 *
 * @param members account ids in creation order
 * @param sharedObject label of the object most members used ("#tag", a URL, "post:ID"), or null
 * @param sharedShare share of members that used it
 * @param lift sharedShare divided by the share of all active accounts that used it
 * @param groupShare share of members in the batch's most common coordination group (0 without groups)
 */
public record CreationBatch(int id, int[] members, long createdFrom, long createdTo, boolean actsTogether,
                            String sharedObject, double sharedShare, double lift, double groupShare) {
    public int size() { return members.length; }
}
