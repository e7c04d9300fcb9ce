package dev.cairn.perf;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Command-line names of the rig's enums: the constant's name in lower case. */
final class Ids {
    private Ids() {
    }

    static String id(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming {@code what} and the accepted values */
    static <E extends Enum<E>> E parse(Class<E> type, String text, String what) {
        for (E constant : type.getEnumConstants()) {
            if (id(constant).equals(text)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + text + "' ("
                + Arrays.stream(type.getEnumConstants()).map(Ids::id).collect(Collectors.joining(", ")) + ")");
    }
}
