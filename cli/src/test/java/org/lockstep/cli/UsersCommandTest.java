package org.lockstep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lockstep.io.store.CaseDb;

/** lockstep users: password from standard input, stored as Argon2id; token alone on standard output; revocation. */
class UsersCommandTest {
    record Run(int code, String out, String err) {}

    static Run run(String stdin, String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        InputStream oldIn = System.in;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(oldIn);
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void addUsersIssueAndRevokeTokens(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("case.duckdb");
        CaseDb.open(db).close();
        Run add = run("s3cret password\n", "users", "add", "--db", db.toString(), "--name", "ana", "--role", "analyst");
        assertEquals(0, add.code(), add.err());
        assertEquals("", add.out(), "nothing on standard output");
        assertEquals(2, run("short\n", "users", "add", "--db", db.toString(), "--name", "bob", "--role", "viewer").code(), "too short");
        assertEquals(2, run("long enough pw\n", "users", "add", "--db", db.toString(), "--name", "bob", "--role", "boss").code(), "no such role");
        Run token = run("", "users", "token", "--db", db.toString(), "--name", "ana");
        assertEquals(0, token.code(), token.err());
        String t = token.out().strip();
        assertTrue(t.matches("lst_[A-Za-z0-9_-]{43}"), "only the token on standard output: " + token.out());
        assertTrue(token.err().contains("Bearer"), "notes go to standard error");
        assertEquals(2, run("", "users", "token", "--db", db.toString(), "--name", "nobody").code());
        try (CaseDb c = CaseDb.openReadOnly(db); Statement st = c.connection().createStatement()) {
            ResultSet rs = st.executeQuery("SELECT password_hash, role FROM users WHERE name = 'ana'");
            assertTrue(rs.next());
            assertTrue(rs.getString(1).startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), rs.getString(1));
            assertFalse(rs.getString(1).contains("s3cret"));
            assertEquals("analyst", rs.getString(2));
            rs = st.executeQuery("SELECT token_sha256, revoked_at FROM api_tokens");
            assertTrue(rs.next());
            assertEquals(64, rs.getString(1).length(), "stored hashed");
            assertFalse(rs.getString(1).contains(t.substring(4)));
            rs = st.executeQuery("SELECT count(*) FROM audit_log WHERE action IN ('user.add', 'token.issue')");
            rs.next();
            assertEquals(2, rs.getInt(1));
        }
        Run list = run("", "users", "list", "--db", db.toString());
        assertTrue(list.out().contains("ana\tanalyst"), list.out());
        assertEquals(0, run("", "users", "token", "--db", db.toString(), "--revoke", "1").code());
        assertEquals(1, run("", "users", "token", "--db", db.toString(), "--revoke", "1").code(), "already revoked");
        assertTrue(run("", "users", "list", "--db", db.toString()).out().contains("revoked"));
    }
}
