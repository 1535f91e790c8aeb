package org.lockstep.io.out;

/** Text made legal for XML 1.0; escaping itself is left to the {@code XMLStreamWriter}. */
final class Xml {
    private static final String[] INDENT = {"\n", "\n  ", "\n    ", "\n      ", "\n        "};

    private Xml() {}

    /** The elements of a document, written between the prolog and the end of the document. */
    interface Body {
        void write(javax.xml.stream.XMLStreamWriter w) throws javax.xml.stream.XMLStreamException;
    }

    /** Writes one UTF-8 XML document to {@code out} (flushed, not closed) through a stream writer. */
    static void document(java.io.OutputStream out, String what, Body body) throws java.io.IOException {
        try {
            java.io.Writer writer = new java.io.BufferedWriter(
                    new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8), 1 << 16);
            // the JDK's own StAX writer: newFactory() would first look for a provider through the
            // ServiceLoader, which opens every jar of the class path (~0.1 s of start-up)
            javax.xml.stream.XMLStreamWriter w = javax.xml.stream.XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(writer);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            body.write(w);
            w.writeEndDocument();
            w.flush();
            w.close();
            writer.flush();
        } catch (javax.xml.stream.XMLStreamException e) {
            throw new java.io.IOException("cannot write " + what + ": " + e.getMessage(), e);
        }
    }

    /** A line break and {@code depth} levels of two-space indentation. */
    static void nl(javax.xml.stream.XMLStreamWriter w, int depth) throws javax.xml.stream.XMLStreamException {
        w.writeCharacters(INDENT[depth]);
    }

    /**
     * Replaces every character XML 1.0 forbids (NUL and other C0 controls except TAB, LF, CR; lone
     * surrogates; U+FFFE, U+FFFF) with U+FFFD, so that any attacker-written string still yields a
     * well-formed document.
     */
    static String legal(String s) {
        if (s == null) return null;
        StringBuilder b = null;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c)) {
                ok = i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1));
                if (ok) {
                    if (b != null) b.append(c).append(s.charAt(i + 1));
                    i++;
                    continue;
                }
            } else if (Character.isLowSurrogate(c)) {
                ok = false;
            } else {
                ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xFFFD);
            }
            if (!ok && b == null) {
                b = new StringBuilder(n);
                b.append(s, 0, i);
            }
            if (b != null) b.append(ok ? c : '\uFFFD');
        }
        return b == null ? s : b.toString();
    }
}
