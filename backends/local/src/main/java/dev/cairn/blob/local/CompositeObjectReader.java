package dev.cairn.blob.local;

import dev.cairn.blob.ByteRange;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectReader;
import dev.cairn.blob.io.ByteSink;
import java.io.IOException;
import java.io.InputStream;
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
    private final SegmentRangeStream stream;

    private CompositeObjectReader(ObjectInfo info, ByteRange.Resolved range, List<FileChannel> channels, long[] starts, long[] lengths) {
        this.info = info;
        this.range = range;
        this.channels = channels;
        this.starts = starts;
        this.lengths = lengths;
        this.stream = new SegmentRangeStream(channels, starts, lengths, range, this);
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
    public boolean transferTo(ByteSink sink) throws IOException {
        stream.transferTo(sink);
        return true;
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
}
