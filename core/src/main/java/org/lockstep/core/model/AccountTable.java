package org.lockstep.core.model;

import java.util.Arrays;

/**
 * What is known about each account id of a {@link PostTable}, from the latest post that carried a
 * snapshot of it. Unknown numbers are {@link AccountSnapshot#UNKNOWN}; unknown flags are -1, else 0/1.
 */
public final class AccountTable {
    public final String[] handle, displayName, description, location, avatarUrl;
    public final long[] createdAt, followers, following, posts, snapshotTime;
    public final byte[] defaultProfile, defaultAvatar, verified;

    private AccountTable(Builder b, int n) {
        handle = Arrays.copyOf(b.handle, n);
        displayName = Arrays.copyOf(b.displayName, n);
        description = Arrays.copyOf(b.description, n);
        location = Arrays.copyOf(b.location, n);
        avatarUrl = Arrays.copyOf(b.avatarUrl, n);
        createdAt = fill(Arrays.copyOf(b.createdAt, n), b.cap, n);
        followers = fill(Arrays.copyOf(b.followers, n), b.cap, n);
        following = fill(Arrays.copyOf(b.following, n), b.cap, n);
        posts = fill(Arrays.copyOf(b.posts, n), b.cap, n);
        snapshotTime = fill(Arrays.copyOf(b.snapshotTime, n), b.cap, n);
        defaultProfile = fill(Arrays.copyOf(b.defaultProfile, n), b.cap, n);
        defaultAvatar = fill(Arrays.copyOf(b.defaultAvatar, n), b.cap, n);
        verified = fill(Arrays.copyOf(b.verified, n), b.cap, n);
    }

    public int size() { return handle.length; }

    private static long[] fill(long[] a, int from, int n) {
        if (from < n) Arrays.fill(a, from, n, AccountSnapshot.UNKNOWN);
        return a;
    }

    private static byte[] fill(byte[] a, int from, int n) {
        if (from < n) Arrays.fill(a, from, n, (byte) -1);
        return a;
    }

    static final class Builder {
        private int cap = 0;
        private String[] handle = new String[0], displayName = new String[0], description = new String[0],
                location = new String[0], avatarUrl = new String[0];
        private long[] createdAt = new long[0], followers = new long[0], following = new long[0],
                posts = new long[0], snapshotTime = new long[0];
        private byte[] defaultProfile = new byte[0], defaultAvatar = new byte[0], verified = new byte[0];

        private void ensure(int id) {
            if (id < cap) return;
            int n = Math.max(1024, Math.max(cap * 2, id + 1));
            handle = Arrays.copyOf(handle, n);
            displayName = Arrays.copyOf(displayName, n);
            description = Arrays.copyOf(description, n);
            location = Arrays.copyOf(location, n);
            avatarUrl = Arrays.copyOf(avatarUrl, n);
            createdAt = grow(createdAt, n);
            followers = grow(followers, n);
            following = grow(following, n);
            posts = grow(posts, n);
            snapshotTime = grow(snapshotTime, n);
            defaultProfile = grow(defaultProfile, n);
            defaultAvatar = grow(defaultAvatar, n);
            verified = grow(verified, n);
            cap = n;
        }

        private long[] grow(long[] a, int n) {
            long[] r = Arrays.copyOf(a, n);
            Arrays.fill(r, cap, n, AccountSnapshot.UNKNOWN);
            return r;
        }

        private byte[] grow(byte[] a, int n) {
            byte[] r = Arrays.copyOf(a, n);
            Arrays.fill(r, cap, n, (byte) -1);
            return r;
        }

        void observeHandle(int id, String h) {
            ensure(id);
            if (handle[id] == null) handle[id] = h;
        }

        /**
         * {@link #observe} with {@link AccountSnapshot#minimal} (a post that carries no snapshot), without
         * making one: only the handle and the snapshot time can change.
         */
        void observeMinimal(int id, long at, String h) {
            ensure(id);
            long st = snapshotTime[id];
            if (h != null && (handle[id] == null || at >= st)) handle[id] = h;
            // an older post than the newest snapshot teaches nothing: a minimal snapshot knows no creation time
            if (st != AccountSnapshot.UNKNOWN && at < st) return;
            snapshotTime[id] = at;
        }

        void observe(int id, long at, String h, AccountSnapshot s) {
            ensure(id);
            if (h != null && (handle[id] == null || at >= snapshotTime[id])) handle[id] = h;
            if (snapshotTime[id] != AccountSnapshot.UNKNOWN && at < snapshotTime[id]) {
                // keep the newest snapshot, but learn what it lacked
                if (createdAt[id] == AccountSnapshot.UNKNOWN) createdAt[id] = s.createdAtMs();
                return;
            }
            snapshotTime[id] = at;
            if (s.displayName() != null) displayName[id] = s.displayName();
            if (s.description() != null) description[id] = s.description();
            if (s.location() != null) location[id] = s.location();
            if (s.avatarUrl() != null) avatarUrl[id] = s.avatarUrl();
            if (s.createdAtMs() != AccountSnapshot.UNKNOWN) createdAt[id] = s.createdAtMs();
            if (s.followers() != AccountSnapshot.UNKNOWN) followers[id] = s.followers();
            if (s.following() != AccountSnapshot.UNKNOWN) following[id] = s.following();
            if (s.posts() != AccountSnapshot.UNKNOWN) posts[id] = s.posts();
            if (s.defaultProfile() != null) defaultProfile[id] = (byte) (s.defaultProfile() ? 1 : 0);
            if (s.defaultAvatar() != null) defaultAvatar[id] = (byte) (s.defaultAvatar() ? 1 : 0);
            if (s.verified() != null) verified[id] = (byte) (s.verified() ? 1 : 0);
        }

        AccountTable build(int n) {
            ensure(Math.max(0, n - 1));
            return new AccountTable(this, n);
        }
    }
}
