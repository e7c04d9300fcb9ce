package dev.cairn.blob.local;

import dev.cairn.blob.SortedKeyCursor;
import dev.cairn.blob.Utf8Order;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A bucket's keys in UTF-8 order, by a lazy depth-first walk of its directory tree.
 *
 * <p>Each directory's entries are decoded and sorted by the key text they stand for: an object
 * file by its full key, a directory by its full key prefix including the trailing {@code /}
 * (every key below it starts with that, and no sibling sorts between the prefix and its keys).
 * Continuation directories ({@code piece+}) are expanded in place, so a long segment sorts by its
 * whole decoded name. {@link #keysFrom} seeks: in every directory on the way down it starts at
 * the first entry that is not wholly before {@code from}, so skipped subtrees are never opened.
 *
 * <p>One cursor serves one listing call; it caches the sorted entries of the last directories it
 * read, so the pager's repeated seeks past common prefixes do not list the same directories again.
 * Entries that vanish under a concurrent delete are simply not produced. Empty directories yield
 * nothing, so they never show up as phantom prefixes.
 */
final class DirectoryCursor implements SortedKeyCursor {
    private static final int CACHED_DIRECTORIES = 64;
    private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::text, Utf8Order.COMPARATOR);

    /** One directory entry: an object's full key, or a directory's full key prefix ending in '/'. */
    private record Entry(String text, Path path, boolean object) {
        /** True when this entry and everything below it sorts before {@code from}. */
        boolean before(String from) {
            return Utf8Order.compare(text, from) < 0 && (object || !from.startsWith(text));
        }
    }

    private final Path bucketDir;
    private final Map<Path, List<Entry>> cache = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, List<Entry>> eldest) {
            return size() > CACHED_DIRECTORIES;
        }
    };

    private int directoriesRead;

    DirectoryCursor(Path bucketDir) {
        this.bucketDir = bucketDir;
    }

    /** How many directories this cursor has listed (cache misses); lets tests prove that seeks prune. */
    int directoriesRead() {
        return directoriesRead;
    }

    /**
     * @throws UncheckedIOException from the iterator when a directory cannot be read (other than vanishing)
     */
    @Override
    public Iterator<String> keysFrom(String fromInclusive) {
        return new Walk(fromInclusive);
    }

    private final class Walk implements Iterator<String> {
        private final String from;
        private final Deque<ListIterator<Entry>> stack = new ArrayDeque<>();
        private String next;

        Walk(String from) {
            this.from = from;
            stack.push(seek(bucketDir, ""));
        }

        @Override
        public boolean hasNext() {
            while (next == null && !stack.isEmpty()) {
                ListIterator<Entry> top = stack.peek();
                if (!top.hasNext()) {
                    stack.pop();
                    continue;
                }
                Entry e = top.next();
                if (e.before(from)) {
                    continue;
                }
                if (e.object) {
                    next = e.text;
                } else {
                    stack.push(seek(e.path, e.text));
                }
            }
            return next != null;
        }

        @Override
        public String next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            String key = next;
            next = null;
            return key;
        }

        private ListIterator<Entry> seek(Path dir, String prefix) {
            List<Entry> entries = entries(dir, prefix);
            // Entries wholly before `from` form a prefix of the sorted list (the one directory whose
            // prefix `from` starts with is the last entry sorting below `from`), so binary search.
            int lo = 0;
            int hi = entries.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (Utf8Order.compare(entries.get(mid).text, from) < 0) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            if (lo > 0 && !entries.get(lo - 1).before(from)) {
                lo--;
            }
            return entries.listIterator(lo);
        }
    }

    private List<Entry> entries(Path dir, String prefix) {
        List<Entry> cached = cache.get(dir);
        if (cached != null) {
            return cached;
        }
        List<Entry> entries = new ArrayList<>();
        directoriesRead++;
        collect(dir, prefix, "", entries);
        entries.sort(ORDER);
        cache.put(dir, entries);
        return entries;
    }

    /** Adds the entries of {@code dir}, expanding continuation directories into their full segment names. */
    private static void collect(Path dir, String prefix, String pieces, List<Entry> out) {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                names.add(p.getFileName().toString());
            }
        } catch (NoSuchFileException | NotDirectoryException e) {
            return; // removed by a concurrent delete since its parent was listed
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String name : names) {
            char suffix = name.charAt(name.length() - 1);
            String stem = name.substring(0, name.length() - 1);
            if (suffix == KeyCodec.CONTINUATION_SUFFIX) {
                collect(dir.resolve(name), prefix, pieces + stem, out);
                continue;
            }
            boolean object = suffix == KeyCodec.OBJECT_SUFFIX;
            String segment = KeyCodec.decodeSegment(pieces + (object ? stem : name));
            if (segment == null) {
                continue; // not ours: the bucket marker, or a foreign file
            }
            out.add(object
                    ? new Entry(prefix + segment, dir.resolve(name), true)
                    : new Entry(prefix + segment + "/", dir.resolve(name), false));
        }
    }
}
