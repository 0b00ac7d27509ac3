package org.twinlab.export.chart;

/**
 * What every chart has: a title, an optional subtitle (a line of context under it) and the titles of
 * its two axes. Setters return the chart itself, so a chart is built in one expression.
 */
public abstract class TitledChart<T extends TitledChart<T>> implements Chart {
    protected final String title;
    protected String subtitle;
    protected String xTitle;
    protected String yTitle;

    protected TitledChart(String title) {
        this.title = title;
    }

    @SuppressWarnings("unchecked")
    private T self() {
        return (T) this;
    }

    public String xTitle() {
        return xTitle;
    }

    public String yTitle() {
        return yTitle;
    }

    public T subtitle(String s) {
        this.subtitle = s;
        return self();
    }

    /** Titles of the x and y axes (null for none). */
    public T axes(String xTitle, String yTitle) {
        this.xTitle = xTitle;
        this.yTitle = yTitle;
        return self();
    }
}
