package org.lockstep.io.report;

/**
 * A finished inline SVG figure. Only this package creates them, from escaped text, so a report can
 * embed them as markup without re-checking.
 */
public final class Svg {
    final int width, height;
    final String markup;

    Svg(int width, int height, String markup) {
        this.width = width;
        this.height = height;
        this.markup = markup;
    }

    public int width() { return width; }
    public int height() { return height; }

    /** The complete {@code <svg>} element (for tests and for writing a standalone .svg file). */
    public String markup() { return markup; }

    /** A standalone SVG document (with XML declaration) that image viewers and browsers open directly. */
    public String document() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + markup + "\n";
    }
}
