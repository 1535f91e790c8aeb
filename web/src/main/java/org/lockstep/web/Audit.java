package org.lockstep.web;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.lockstep.io.store.CaseDb;
import org.lockstep.io.store.StoreException;

/** The case's append-only audit log: who did what, when (labels, users, tokens, jobs). Rows are never updated. */
final class Audit {
    private Audit() {}

    static void log(CaseDb db, String actor, String action, String detailJson) {
        synchronized (db) {
            try (Statement st = db.connection().createStatement(); ResultSet rs = st.executeQuery("SELECT coalesce(max(seq), 0) + 1 FROM audit_log")) {
                rs.next();
                long seq = rs.getLong(1);
                try (PreparedStatement ps = db.connection().prepareStatement("INSERT INTO audit_log VALUES (?, now()::TIMESTAMP, ?, ?, ?)")) {
                    ps.setLong(1, seq);
                    ps.setString(2, actor);
                    ps.setString(3, action);
                    ps.setString(4, detailJson);
                    ps.executeUpdate();
                }
            } catch (SQLException e) {
                throw new StoreException("cannot write the audit log: " + e.getMessage(), e);
            }
        }
    }
}
