package org.twinlab.train;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.List;
import org.twinlab.augment.AugmentConfig;
import org.twinlab.util.Choice;
import org.twinlab.util.JsonRecords;

/**
 * How the values of a kind of setting are typed, shown and stored: parse what a person typed, format
 * it back, and convert to and from config.json. Every failure is a reason in plain words ("'abc' is not
 * a whole number"); the {@link Setting} puts its label in front.
 */
public interface SettingType<T> {
    /** What control the window uses. */
    enum Kind {
        INTEGER, NUMBER, BOOLEAN, TEXT, CHOICE, STRUCTURE
    }

    Kind kind();

    T parse(String text);

    String format(T value);

    JsonElement toJson(T value);

    T fromJson(JsonElement json);

    /** The options of a choice, in order; empty for other kinds. */
    default List<? extends Choice> choices() {
        return List.of();
    }

    SettingType<Integer> INTEGER = new SettingType<>() {
        @Override
        public Kind kind() {
            return Kind.INTEGER;
        }

        @Override
        public Integer parse(String text) {
            try {
                return Integer.parseInt(text.trim());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("'" + text + "' is not a whole number");
            }
        }

        @Override
        public String format(Integer value) {
            return Integer.toString(value);
        }

        @Override
        public JsonElement toJson(Integer value) {
            return new JsonPrimitive(value);
        }

        @Override
        public Integer fromJson(JsonElement json) {
            return (int) JsonRecords.wholeNumber(json, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
    };

    SettingType<Long> LONG = new SettingType<>() {
        @Override
        public Kind kind() {
            return Kind.INTEGER;
        }

        @Override
        public Long parse(String text) {
            try {
                return Long.parseLong(text.trim());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("'" + text + "' is not a whole number");
            }
        }

        @Override
        public String format(Long value) {
            return Long.toString(value);
        }

        @Override
        public JsonElement toJson(Long value) {
            return new JsonPrimitive(value);
        }

        @Override
        public Long fromJson(JsonElement json) {
            return JsonRecords.wholeNumber(json, Long.MIN_VALUE, Long.MAX_VALUE);
        }
    };

    SettingType<Double> NUMBER = new SettingType<>() {
        @Override
        public Kind kind() {
            return Kind.NUMBER;
        }

        @Override
        public Double parse(String text) {
            double v;
            try {
                v = Double.parseDouble(text.trim());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("'" + text + "' is not a number");
            }
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("'" + text + "' is not a finite number");
            }
            return v;
        }

        @Override
        public String format(Double value) {
            return value == null || !Double.isFinite(value) ? String.valueOf(value)
                    : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }

        @Override
        public JsonElement toJson(Double value) {
            return value == null || !Double.isFinite(value) ? JsonNull.INSTANCE : new JsonPrimitive(value);
        }

        @Override
        public Double fromJson(JsonElement json) {
            return JsonRecords.number(json);
        }
    };

    SettingType<Boolean> BOOLEAN = new SettingType<>() {
        @Override
        public Kind kind() {
            return Kind.BOOLEAN;
        }

        @Override
        public Boolean parse(String text) {
            return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "true", "yes", "on", "1" -> true;
                case "false", "no", "off", "0" -> false;
                default -> throw new IllegalArgumentException("'" + text + "' is not true or false");
            };
        }

        @Override
        public String format(Boolean value) {
            return Boolean.toString(value);
        }

        @Override
        public JsonElement toJson(Boolean value) {
            return new JsonPrimitive(value);
        }

        @Override
        public Boolean fromJson(JsonElement json) {
            return JsonRecords.bool(json);
        }
    };

    SettingType<String> TEXT = new SettingType<>() {
        @Override
        public Kind kind() {
            return Kind.TEXT;
        }

        @Override
        public String parse(String text) {
            return text.trim();
        }

        @Override
        public String format(String value) {
            return value == null ? "" : value;
        }

        @Override
        public JsonElement toJson(String value) {
            return value == null ? JsonNull.INSTANCE : new JsonPrimitive(value);
        }

        @Override
        public String fromJson(JsonElement json) {
            return JsonRecords.text(json);
        }
    };

    /** The augmentation pipelines: null for "the official recipe for the dataset", else both views in full. */
    SettingType<AugmentConfig> AUGMENT = new SettingType<>() {
        @Override
        public Kind kind() {
            return Kind.STRUCTURE;
        }

        @Override
        public AugmentConfig parse(String text) {
            throw new IllegalArgumentException("is set in a settings file or the window, not typed");
        }

        @Override
        public String format(AugmentConfig value) {
            return value == null ? "official" : "custom";
        }

        @Override
        public JsonElement toJson(AugmentConfig value) {
            return value == null ? JsonNull.INSTANCE : JsonRecords.toJson(value);
        }

        @Override
        public AugmentConfig fromJson(JsonElement json) {
            return json == null || json.isJsonNull() ? null : JsonRecords.read(AugmentConfig.class, json, "");
        }
    };

    static <E extends Enum<E> & Choice> SettingType<E> choice(Class<E> type) {
        return new SettingType<>() {
            @Override
            public Kind kind() {
                return Kind.CHOICE;
            }

            @Override
            public E parse(String text) {
                for (E e : type.getEnumConstants()) {
                    if (e.key().equalsIgnoreCase(text.trim())) {
                        return e;
                    }
                }
                throw new IllegalArgumentException("'" + text + "' is not one of " + Choice.keys(type));
            }

            @Override
            public String format(E value) {
                return value == null ? "" : value.key();
            }

            @Override
            public JsonElement toJson(E value) {
                return value == null ? JsonNull.INSTANCE : new JsonPrimitive(value.key());
            }

            @Override
            public E fromJson(JsonElement json) {
                return parse(JsonRecords.text(json));
            }

            @Override
            public List<E> choices() {
                return List.of(type.getEnumConstants());
            }
        };
    }
}
