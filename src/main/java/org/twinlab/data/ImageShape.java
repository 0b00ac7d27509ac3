package org.twinlab.data;

/** The shape of one image, channels first, as the encoder sees it. */
public record ImageShape(int channels, int height, int width) {
    public ImageShape {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("images must have 1 or 3 channels, not " + channels);
        }
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("image size must be positive, not " + height + "x" + width);
        }
    }

    /** Values per image: channels x height x width. */
    public int size() {
        return channels * height * width;
    }

    public int plane() {
        return height * width;
    }

    @Override
    public String toString() {
        return channels + "x" + height + "x" + width;
    }
}
