package org.twinlab.util;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A fixed option of a setting (an encoder, an optimizer, an objective...): one {@link #key()} as it is
 * written in config.json and typed on the command line, one {@link #label()} for the window. Every
 * enum of choices parses and formats through here, so the three faces agree on the spelling.
 */
public interface Choice {
    /** The spelling in config.json and on the command line, e.g. "small-cnn". */
    String key();

    /** What the window shows; the key unless the enum says better. */
    default String label() {
        return key();
    }

    /** The constant whose key (or Java name, any case) is {@code text}; the message lists the valid keys. */
    static <E extends Enum<E> & Choice> E parse(Class<E> type, String text, String setting) {
        if (text != null) {
            String t = text.trim();
            for (E e : type.getEnumConstants()) {
                if (e.key().equalsIgnoreCase(t) || e.name().equalsIgnoreCase(t.replace('-', '_'))) {
                    return e;
                }
            }
        }
        throw new IllegalArgumentException(setting + ": '" + text + "' is not one of " + keys(type));
    }

    static <E extends Enum<E> & Choice> String keys(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Choice::key).collect(Collectors.joining(", "));
    }

    /** The default key: the constant's name in lower case with dashes. */
    static String keyOf(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
