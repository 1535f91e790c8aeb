package org.lockstep.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

/**
 * Full-text post search with Lucene (DuckDB's FTS extension cannot be installed offline). The index is
 * built when the server starts, from the case's posts, into a temporary directory removed at close;
 * until it is ready, {@link #ready()} is false and the API says so (503). A query is the words of the
 * search box, all required (Lucene's standard analyser: lower case, split on word boundaries).
 */
final class Search implements AutoCloseable {
    private final Analyzer analyzer = new StandardAnalyzer();
    private final Path dir;
    private volatile DirectoryReader reader;
    private volatile String failure;
    private volatile long indexed;

    Search() {
        try {
            dir = Files.createTempDirectory("lockstep-search");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Indexes every post read through this connection (run on a background thread). */
    void build(java.sql.Connection c) {
        try (FSDirectory d = FSDirectory.open(dir);
                IndexWriter w = new IndexWriter(d, new IndexWriterConfig(analyzer).setRAMBufferSizeMB(64));
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT platform, post_id, account_id, handle, epoch_ms(time), text FROM posts WHERE text IS NOT NULL")) {
            long n = 0;
            while (rs.next()) {
                Document doc = new Document();
                doc.add(new StoredField("platform", rs.getString(1)));
                doc.add(new StringField("post_id", rs.getString(2), Field.Store.YES));
                doc.add(new StoredField("account_id", rs.getString(3)));
                String h = rs.getString(4);
                if (h != null) doc.add(new StoredField("handle", h));
                doc.add(new StoredField("time", rs.getLong(5)));
                doc.add(new TextField("text", rs.getString(6), Field.Store.YES));
                w.addDocument(doc);
                indexed = ++n;
            }
            w.commit();
            reader = DirectoryReader.open(FSDirectory.open(dir));
        } catch (Exception e) {
            failure = e.getMessage();
        }
    }

    boolean ready() {
        return reader != null;
    }

    String failure() {
        return failure;
    }

    long indexed() {
        return indexed;
    }

    /** Posts whose text holds every word of the query, best first, at most {@code limit}. */
    Map<String, Object> query(String q, int limit) throws IOException {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int terms = 0;
        try (TokenStream ts = analyzer.tokenStream("text", q)) {
            CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken() && terms < 16) {
                b.add(new TermQuery(new Term("text", t.toString())), BooleanClause.Occur.MUST);
                terms++;
            }
            ts.end();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        List<Map<String, Object>> hits = new ArrayList<>();
        out.put("query", q);
        out.put("hits", hits);
        if (terms == 0) {
            out.put("total", 0);
            return out;
        }
        IndexSearcher s = new IndexSearcher(reader);
        TopDocs top = s.search(b.build(), limit);
        out.put("total", top.totalHits.value);
        for (ScoreDoc sd : top.scoreDocs) {
            Document d = s.storedFields().document(sd.doc);
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("platform", d.get("platform"));
            h.put("post_id", d.get("post_id"));
            h.put("account_id", d.get("account_id"));
            h.put("handle", d.get("handle"));
            h.put("time", java.time.Instant.ofEpochMilli(d.getField("time").numericValue().longValue()).toString());
            h.put("text", d.get("text"));
            h.put("link", CaseQueries.originalLink(d.get("platform"), d.get("post_id"), d.get("handle")));
            hits.add(h);
        }
        return out;
    }

    @Override
    public void close() {
        try {
            if (reader != null) reader.close();
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        } catch (IOException ignored) {
            // a temporary directory
        }
    }
}
