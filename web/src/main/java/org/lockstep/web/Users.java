package org.lockstep.web;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.lockstep.io.store.CaseDb;
import org.lockstep.io.store.StoreException;

/**
 * The workbench's users and API tokens, stored in the case ({@code users}, {@code api_tokens}): passwords
 * as Argon2id hashes, tokens as SHA-256 hashes (the token itself is shown once, when issued). Used by
 * {@code lockstep users} and by the server. Every change is written to the audit log.
 */
public final class Users {
    /** A user as stored (without the hash). */
    public record User(String name, Role role, boolean disabled) {}

    /** A token as listed: its id, owner, and whether it was revoked. */
    public record Token(long id, String name, String createdAt, String revokedAt) {}

    private final CaseDb db;

    public Users(CaseDb db) {
        this.db = db;
    }

    private Connection conn() {
        return db.connection();
    }

    /** Adds a user, or replaces the role and password of an existing one. */
    public void add(String name, Role role, char[] password, String actor) {
        validName(name);
        if (password.length < 8) throw new IllegalArgumentException("the password must have at least 8 characters");
        String hash = Passwords.hash(password);
        synchronized (db) {
            try (PreparedStatement ps = conn().prepareStatement(
                    "INSERT OR REPLACE INTO users VALUES (?, ?, ?, now()::TIMESTAMP, false)")) {
                ps.setString(1, name);
                ps.setString(2, role.key());
                ps.setString(3, hash);
                ps.executeUpdate();
                Audit.log(db, actor, "user.add", "{\"name\":" + Json.str(name) + ",\"role\":\"" + role.key() + "\"}");
            } catch (SQLException e) {
                throw new StoreException("cannot add user " + name + ": " + e.getMessage(), e);
            }
        }
    }

    static void validName(String name) {
        if (name == null || !name.matches("[A-Za-z0-9._@-]{1,64}")) {
            throw new IllegalArgumentException("a user name is 1 to 64 letters, digits, '.', '_', '@' or '-'");
        }
    }

    /** The user whose password this is, or null (an unknown name costs as much time as a wrong password). */
    User check(String name, char[] password) {
        String hash = null;
        User u = null;
        try (PreparedStatement ps = conn().prepareStatement("SELECT role, password_hash, disabled FROM users WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    hash = rs.getString(2);
                    u = new User(name, Role.of(rs.getString(1)), rs.getBoolean(3));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read users: " + e.getMessage(), e);
        }
        if (hash == null) {
            Passwords.burn(password);
            return null;
        }
        return Passwords.verify(password, hash) && !u.disabled() ? u : null;
    }

    User find(String name) {
        try (PreparedStatement ps = conn().prepareStatement("SELECT role, disabled FROM users WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new User(name, Role.of(rs.getString(1)), rs.getBoolean(2)) : null;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read users: " + e.getMessage(), e);
        }
    }

    public List<User> list() {
        List<User> out = new ArrayList<>();
        try (Statement st = conn().createStatement(); ResultSet rs = st.executeQuery("SELECT name, role, disabled FROM users ORDER BY name")) {
            while (rs.next()) out.add(new User(rs.getString(1), Role.of(rs.getString(2)), rs.getBoolean(3)));
        } catch (SQLException e) {
            throw new StoreException("cannot read users: " + e.getMessage(), e);
        }
        return out;
    }

    /** Issues a token for an existing user; returns it (shown once: only its hash is stored). */
    public String issueToken(String name, String actor) {
        if (find(name) == null) throw new IllegalArgumentException("no user " + name + " (add one with: lockstep users add)");
        String token = "lst_" + Passwords.randomToken(32);
        synchronized (db) {
            try (Statement st = conn().createStatement(); ResultSet rs = st.executeQuery("SELECT coalesce(max(token_id), 0) + 1 FROM api_tokens")) {
                rs.next();
                long id = rs.getLong(1);
                try (PreparedStatement ps = conn().prepareStatement("INSERT INTO api_tokens VALUES (?, ?, ?, now()::TIMESTAMP, NULL)")) {
                    ps.setLong(1, id);
                    ps.setString(2, name);
                    ps.setString(3, Passwords.sha256(token));
                    ps.executeUpdate();
                }
                Audit.log(db, actor, "token.issue", "{\"name\":" + Json.str(name) + ",\"token_id\":" + id + "}");
            } catch (SQLException e) {
                throw new StoreException("cannot issue a token: " + e.getMessage(), e);
            }
        }
        return token;
    }

    /** Revokes a token by id; returns whether one was revoked. */
    public boolean revokeToken(long id, String actor) {
        synchronized (db) {
            try (PreparedStatement ps = conn().prepareStatement(
                    "UPDATE api_tokens SET revoked_at = now()::TIMESTAMP WHERE token_id = ? AND revoked_at IS NULL")) {
                ps.setLong(1, id);
                boolean done = ps.executeUpdate() > 0;
                if (done) Audit.log(db, actor, "token.revoke", "{\"token_id\":" + id + "}");
                return done;
            } catch (SQLException e) {
                throw new StoreException("cannot revoke token " + id + ": " + e.getMessage(), e);
            }
        }
    }

    public List<Token> tokens() {
        List<Token> out = new ArrayList<>();
        try (Statement st = conn().createStatement(); ResultSet rs = st.executeQuery(
                "SELECT token_id, name, strftime(created_at, '%Y-%m-%dT%H:%M:%SZ'), strftime(revoked_at, '%Y-%m-%dT%H:%M:%SZ') FROM api_tokens ORDER BY token_id")) {
            while (rs.next()) out.add(new Token(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        } catch (SQLException e) {
            throw new StoreException("cannot read tokens: " + e.getMessage(), e);
        }
        return out;
    }

    /** The user a live (unrevoked) token belongs to, or null. */
    User byToken(String token) {
        try (PreparedStatement ps = conn().prepareStatement(
                "SELECT u.name, u.role, u.disabled FROM api_tokens t JOIN users u ON u.name = t.name WHERE t.token_sha256 = ? AND t.revoked_at IS NULL")) {
            ps.setString(1, Passwords.sha256(token));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getBoolean(3)) return null;
                return new User(rs.getString(1), Role.of(rs.getString(2)), false);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read tokens: " + e.getMessage(), e);
        }
    }
}
