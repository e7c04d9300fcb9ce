package dev.cairn.blob.local;

import dev.cairn.blob.ByteRange;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * An open read of a composite (multipart) object: the data regions of its segment files, stitched
 * in order. Every segment that overlaps the range is opened up front, so an overwrite or delete
 * that removes the segment directory afterwards cannot take bytes away from this reader (the open
 * descriptors keep the inodes, as {@link FileObjectReader} does for a plain object).
 */
final class CompositeObjectReader implements ObjectReader {
    private final ObjectInfo info;
    private final ByteRange.Resolved range;
    private final List<FileChannel> channels;
    /** Object offset at which each opened segment starts, and its data length. */
    private final long[] starts;
    private final long[] lengths;
    private final InputStream stream;

    private CompositeObjectReader(ObjectInfo info, ByteRange.Resolved range, List<FileChannel> channels, long[] starts, long[] lengths) {
        this.info = info;
        this.range = range;
        this.channels = channels;
        this.starts = starts;
        this.lengths = lengths;
        this.stream = new Stitched();
    }

    /**
     * Opens the segments of {@code meta} that overlap {@code range}.
     *
     * @throws java.nio.file.NoSuchFileException when a segment is gone: the object was replaced
     *     since its file was opened, and the caller reads the new version instead
     * @throws CorruptObjectException when a segment file is shorter than the manifest says
     */
    static CompositeObjectReader open(StoredMeta meta, ObjectInfo info, ByteRange.Resolved range, SegmentPaths paths) throws IOException {
        List<FileChannel> channels = new ArrayList<>();
        List<long[]> spans = new ArrayList<>();
        long start = 0;
        long end = range.offset() + range.length();
        try {
            for (StoredMeta.Segment seg : meta.composite().segments()) {
                long segEnd = start + seg.size();
                if (seg.size() > 0 && segEnd > range.offset() && start < end) {
                    FileChannel ch = FileChannel.open(paths.segment(seg.partNumber()), StandardOpenOption.READ);
                    channels.add(ch);
                    if (ch.size() < seg.size() + ObjectFormat.FOOTER_BYTES) {
                        throw new CorruptObjectException("segment " + seg.partNumber() + " is shorter than its manifest entry");
                    }
                    spans.add(new long[] {start, seg.size()});
                }
                start = segEnd;
            }
        } catch (IOException | RuntimeException e) {
            for (FileChannel ch : channels) {
                try {
                    ch.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
        long[] starts = new long[spans.size()];
        long[] lengths = new long[spans.size()];
        for (int i = 0; i < spans.size(); i++) {
            starts[i] = spans.get(i)[0];
            lengths[i] = spans.get(i)[1];
        }
        return new CompositeObjectReader(info, range, channels, starts, lengths);
    }

    /** Where segment files of one composite object are. */
    interface SegmentPaths {
        Path segment(int partNumber);
    }

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
        return stream;
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (FileChannel ch : channels) {
            try {
                ch.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private final class Stitched extends InputStream {
        private long position = range.offset();
        private final long end = range.offset() + range.length();
        private int segment;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            if (position >= end) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            while (position >= starts[segment] + lengths[segment]) {
                segment++; // the range's bytes are all in opened segments, so this stays in bounds
            }
            long inSegment = position - starts[segment];
            long left = Math.min(end, starts[segment] + lengths[segment]) - position;
            int want = (int) Math.min(len, left);
            int n = channels.get(segment).read(ByteBuffer.wrap(b, off, want), inSegment);
            if (n < 0) {
                throw new IOException("segment " + segment + " ended " + left + " bytes early");
            }
            position += n;
            return n;
        }

        @Override
        public long skip(long n) {
            long skipped = Math.max(0, Math.min(n, end - position));
            position += skipped;
            return skipped;
        }

        @Override
        public int available() {
            return (int) Math.min(Integer.MAX_VALUE, end - position);
        }

        @Override
        public void close() throws IOException {
            CompositeObjectReader.this.close();
        }
    }
}
