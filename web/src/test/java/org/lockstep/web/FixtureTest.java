package org.lockstep.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lockstep.io.store.CaseDb;

/** The test case is what the other tests assume: 39 posts, 9 accounts, attacker handles kept exactly, 3 troll edges. */
class FixtureTest {
    @Test
    void caseHoldsWhatWasBuilt(@TempDir Path dir) throws Exception {
        Path db = Fixture.build(dir);
        try (CaseDb c = CaseDb.openReadOnly(db); Statement st = c.connection().createStatement()) {
            ResultSet rs = st.executeQuery("SELECT count(*), count(DISTINCT account_id) FROM posts");
            rs.next();
            assertEquals(Fixture.POSTS, rs.getInt(1));
            assertEquals(Fixture.ACCOUNTS, rs.getInt(2));
            rs = st.executeQuery("SELECT handle FROM accounts WHERE account_id = '201'");
            rs.next();
            assertEquals(Fixture.XSS_HANDLE_1, rs.getString(1));
            rs = st.executeQuery("SELECT string_agg(account_id, ',' ORDER BY account_id), count(*) FROM coord_accounts");
            rs.next();
            assertEquals("201,202,203", rs.getString(1));
            rs = st.executeQuery("SELECT count(*), count(DISTINCT grp) FROM coord_edges");
            rs.next();
            assertEquals(3, rs.getInt(1));
            assertEquals(1, rs.getInt(2));
        }
    }
}
