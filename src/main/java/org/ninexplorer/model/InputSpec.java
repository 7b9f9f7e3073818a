package org.ninexplorer.model;

/** The input image: channels × height × width. */
public record InputSpec(int channels, int height, int width) {

    /** Parses {@code CxHxW}, e.g. {@code 1x224x224}. */
    public static InputSpec parse(String text) {
        String[] parts = text.trim().toLowerCase(java.util.Locale.ROOT).split("[x×]");
        if (parts.length != 3) {
            throw new IllegalArgumentException("input must be CxHxW, e.g. 1x28x28, not '" + text + "'");
        }
        try {
            return new InputSpec(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()),
                    Integer.parseInt(parts[2].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("input must be CxHxW with whole numbers, not '" + text + "'");
        }
    }

    public Shape shape() {
        return new Shape(channels, height, width);
    }

    @Override
    public String toString() {
        return channels + "x" + height + "x" + width;
    }
}
