package dev.cairn.perf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The objects every target is seeded with: hot 64 KiB, 1 MiB and 4 MiB objects and cold 64 KiB ones. */
final class SeedPlan {
    static final String BUCKET = "bench";
    static final int[] HOT_SIZES = {64 << 10, 1 << 20, 4 << 20};
    private static final String[] HOT_NAMES = {"64k", "1m", "4m"};

    private SeedPlan() {
    }

    /**
     * @param hot counts of hot 64 KiB, 1 MiB and 4 MiB objects
     * @param cold count of cold 64 KiB objects
     */
    static List<SeedObject> of(int[] hot, int cold) {
        List<SeedObject> out = new ArrayList<>();
        for (int s = 0; s < HOT_SIZES.length; s++) {
            for (int i = 0; i < hot[s]; i++) {
                out.add(new SeedObject(SeedObject.HOT, HOT_SIZES[s], String.format(Locale.ROOT, "hot-%s-%03d", HOT_NAMES[s], i)));
            }
        }
        for (int i = 0; i < cold; i++) {
            out.add(new SeedObject(SeedObject.COLD, HOT_SIZES[0], String.format(Locale.ROOT, "cold-64k-%04d", i)));
        }
        return List.copyOf(out);
    }
}
