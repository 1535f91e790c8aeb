package org.lockstep.io.out;

/**
 * Doubles as text for the output files: the shortest decimal that reads back ({@link Double#parseDouble})
 * as the same double, in {@link Double#toString}'s layout (plain between 10<sup>-3</sup> and 10<sup>7</sup>,
 * computerized scientific notation outside, at least one digit after the point).
 *
 * <p>Raffaello Giulietti's Schubfach algorithm as shipped in jackson-core (the JDK has it in its own
 * {@code Double.toString} from Java 19 on). On Java 17 {@code Double.toString} is several times slower
 * (arbitrary-precision arithmetic for many values) and now and then gives a digit more than needed; the
 * value read back is the same either way.
 */
public final class Numbers {
    private Numbers() {}

    /** The shortest round-tripping decimal of a finite {@code v}; "NaN", "Infinity", "-Infinity" otherwise. */
    public static String of(double v) {
        return com.fasterxml.jackson.core.io.NumberOutput.toString(v, true);
    }
}
