package org.twinlab.export.chart;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A figure's size in pixels, as a command line gives it: {@code 1600x1000}. */
public record FigureSize(int width, int height) {
    /** Large enough to stay legible on a projector and sharp on a slide. */
    public static final FigureSize DEFAULT = new FigureSize(1600, 1000);
    public static final int MIN = 200;
    public static final int MAX = 8000;
    private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,5})\\s*[xX×]\\s*(\\d{1,5})\\s*");

    public FigureSize {
        if (width < MIN || height < MIN || width > MAX || height > MAX) {
            throw new IllegalArgumentException("figure size: " + width + "x" + height + " is outside " + MIN + "-" + MAX
                    + " pixels a side");
        }
    }

    /** Reads {@code WIDTHxHEIGHT}; anything else is one line saying what is expected. */
    public static FigureSize parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("figure size: '" + text + "' is not WIDTHxHEIGHT in pixels, e.g. 1600x1000");
        }
        return new FigureSize(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
