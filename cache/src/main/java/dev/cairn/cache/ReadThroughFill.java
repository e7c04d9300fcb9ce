package dev.cairn.cache;

import dev.cairn.blob.ByteRange;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fills the cache from whole-object reads of objects too large to load on a miss: the client's
 * stream is copied as it is sent and, if it reaches its end and its digest matches the version the
 * reader reports, its chunks are inserted. At most {@code budget} bytes are held by copies in
 * progress, so many concurrent large reads cannot exhaust the heap; a read that finds the budget
 * spent is simply not copied.
 */
final class ReadThroughFill {
    private final ChunkTable table;
    private final long objectShare;
    private final AtomicLong budget;

    ReadThroughFill(ChunkTable table, long objectShare) {
        this.table = table;
        this.objectShare = objectShare;
        this.budget = new AtomicLong(objectShare);
    }

    /** {@code reader}, copying its bytes into the cache when it is a whole, cacheable object. */
    ObjectReader wrap(ObjectReader reader) {
        ObjectInfo info = reader.info();
        ContentId id = ContentId.of(info);
        ByteRange.Resolved range = reader.range();
        if (id == null || range.offset() != 0 || range.length() != info.size() || info.size() > objectShare || !reserve(info.size())) {
            return reader;
        }
        Copy copy = new Copy(reader.stream(), info, id);
        return new ObjectReader() {
            @Override
            public ObjectInfo info() {
                return info;
            }

            @Override
            public ByteRange.Resolved range() {
                return range;
            }

            @Override
            public InputStream stream() {
                return copy;
            }

            @Override
            public void close() throws IOException {
                try {
                    reader.close();
                } finally {
                    copy.release();
                }
            }
        };
    }

    private boolean reserve(long bytes) {
        for (long left = budget.get(); left >= bytes; left = budget.get()) {
            if (budget.compareAndSet(left, left - bytes)) {
                return true;
            }
        }
        return false;
    }

    /** The copy of one read; releases its share of the budget once, at its end or on close. */
    private final class Copy extends CapturingInputStream {
        private final ObjectInfo info;
        private final ContentId id;
        private boolean released;

        Copy(InputStream in, ObjectInfo info, ContentId id) {
            super(in, new ChunkBuilder(table.layout().chunkSize(), info.size()));
            this.info = info;
            this.id = id;
        }

        @Override
        protected void atEnd(ChunkBuilder captured) {
            byte[][] chunks = captured.chunks();
            if (chunks != null && ContentCheck.matches(info, chunks)) {
                table.insert(id, chunks, false);
            }
            release();
        }

        synchronized void release() {
            if (!released) {
                released = true;
                budget.addAndGet(info.size());
            }
        }
    }
}
