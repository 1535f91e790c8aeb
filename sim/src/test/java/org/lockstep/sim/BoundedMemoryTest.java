package org.lockstep.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Two million posts stream through a 128 MiB heap: memory does not grow with the post count. */
class BoundedMemoryTest {
    /** Entry point of the forked JVM: simulates to a counting null stream and prints the byte count. */
    public static void main(String[] args) throws IOException {
        long[] bytes = new long[1];
        OutputStream counting = new OutputStream() {
            @Override public void write(int b) { bytes[0]++; }
            @Override public void write(byte[] b, int off, int len) { bytes[0] += len; }
        };
        SimConfig c = SimConfig.scenario("election", Long.parseLong(args[0]), 9)
                .withFormat(SimConfig.Format.parse(args[1]));
        SimResult r = Simulator.run(c, counting, OutputStream.nullOutputStream(), OutputStream.nullOutputStream(), null);
        System.out.println("posts=" + r.posts() + " bytes=" + bytes[0]);
    }

    private static String path(Class<?> c) throws Exception {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    @Test
    void twoMillionPostsInA128MiBHeap() throws Exception {
        String cp = String.join(File.pathSeparator, path(BoundedMemoryTest.class), path(Simulator.class),
                path(JsonFactory.class));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx128m", "-XX:+UseSerialGC", "-cp", cp,
                BoundedMemoryTest.class.getName(), "2000000", "toolkit-csv")).redirectErrorStream(true).start();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "finishes");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.startsWith("posts=2000000 "), out);
    }
}
