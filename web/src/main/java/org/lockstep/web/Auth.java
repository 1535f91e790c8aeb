package org.lockstep.web;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions (random id in an HttpOnly, SameSite=Strict cookie, a CSRF token per session, idle expiry) and
 * the login throttle (failed logins counted per user name and per client address; past
 * {@link #MAX_FAILURES} per user or {@link #MAX_FAILURES_ADDRESS} per address in {@link #WINDOW_MS} the login answers 429 until the oldest failure ages out).
 * Kept in memory: a restart of {@code lockstep serve} logs everyone out.
 */
final class Auth {
    static final String COOKIE = "lockstep_session";
    /** Failed logins allowed per user name, and per client address (several users may share one). */
    static final int MAX_FAILURES = 5, MAX_FAILURES_ADDRESS = 20;
    static final long WINDOW_MS = 15 * 60_000L;
    static final long IDLE_MS = 8 * 3600_000L;

    /** A logged-in user: who, with which role, and the token the UI must echo in X-CSRF-Token. */
    record Session(String id, String user, Role role, String csrf, long[] lastSeen) {}

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();
    private final java.util.function.LongSupplier clock;

    Auth(java.util.function.LongSupplier clock) {
        this.clock = clock;
    }

    Session create(String user, Role role) {
        String id = Passwords.randomToken(32);
        Session s = new Session(id, user, role, Passwords.randomToken(24), new long[] {clock.getAsLong()});
        sessions.put(id, s);
        return s;
    }

    /** The live session of this cookie value, or null (expired sessions are dropped). */
    Session get(String id) {
        if (id == null) return null;
        Session s = sessions.get(id);
        if (s == null) return null;
        long now = clock.getAsLong();
        if (now - s.lastSeen()[0] > IDLE_MS) {
            sessions.remove(id);
            return null;
        }
        s.lastSeen()[0] = now;
        return s;
    }

    void end(String id) {
        if (id != null) sessions.remove(id);
    }

    /** Ends every session of a user (after a password or role change). */
    void endAll(String user) {
        sessions.values().removeIf(s -> s.user().equals(user));
    }

    static boolean sameToken(String a, String b) {
        if (a == null || b == null) return false;
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** Milliseconds until another login may be tried for this user from this address; 0 when allowed now. */
    long retryAfterMs(String user, String address) {
        return Math.max(wait("u:" + user, MAX_FAILURES), wait("a:" + address, MAX_FAILURES_ADDRESS));
    }

    private long wait(String key, int max) {
        Deque<Long> d = failures.get(key);
        if (d == null) return 0;
        synchronized (d) {
            long now = clock.getAsLong();
            while (!d.isEmpty() && now - d.peekFirst() >= WINDOW_MS) d.pollFirst();
            return d.size() >= max ? d.peekFirst() + WINDOW_MS - now : 0;
        }
    }

    void failed(String user, String address) {
        for (String k : new String[] {"u:" + user, "a:" + address}) {
            Deque<Long> d = failures.computeIfAbsent(k, x -> new ArrayDeque<>());
            synchronized (d) {
                d.addLast(clock.getAsLong());
                while (d.size() > MAX_FAILURES_ADDRESS) d.pollFirst();
            }
        }
    }

    void succeeded(String user) {
        failures.remove("u:" + user);
    }
}
