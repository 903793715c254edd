package org.systemarena.datasets.io.parquet;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.systemarena.core.ArenaException;
import org.systemarena.core.ArenaException.Location;

/**
 * Checks what a Parquet file declares against what it is, before parquet-hadoop allocates anything a footer or a
 * page header asks for: a 100 KB file that declares 64 GiB column chunks, or a page of 2 GiB, must end in one error
 * naming the row group, the column and the size, not in an OutOfMemoryError.
 *
 * <p>Per row group and column chunk: its codec is one this build decompresses; the chunk lies inside the file; its uncompressed size is at most
 * {@value #MAX_RATIO} times its stored size (or {@value #SMALL} bytes) and at most {@value #MAX_CHUNK} bytes; its
 * value count is not negative. Per page (the headers are read here, a few bytes each, without the pages): the page
 * fits in what is left of its chunk, its uncompressed size obeys the same ratio and its chunk's total, and its value
 * count is not negative nor above its chunk's. And the rows declared in all fit this JVM's heap at
 * {@value #MIN_BYTES_PER_EVENT} bytes an event, the least a loaded event takes.
 */
public final class ParquetSizeCheck {
    /** Real codecs on already dictionary- and run-length-encoded pages stay far below this ratio. */
    static final long MAX_RATIO = 1_000;
    /** Below this, any ratio is fine: tiny pages of constants compress without bound. */
    static final long SMALL = 1L << 20;
    /** One column chunk decompressed must fit a Java array. */
    static final long MAX_CHUNK = Integer.MAX_VALUE - 8;
    /** The fixed columns of a loaded event (PERFORMANCE.md: 52 bytes measured), less a margin. */
    static final long MIN_BYTES_PER_EVENT = 40;

    /** The codecs parquet-java decompresses with what is on the classpath (the others need native or extra jars). */
    static final Set<CompressionCodecName> READABLE_CODECS = EnumSet.of(CompressionCodecName.UNCOMPRESSED,
            CompressionCodecName.SNAPPY, CompressionCodecName.GZIP, CompressionCodecName.ZSTD,
            CompressionCodecName.LZ4_RAW);

    private ParquetSizeCheck() {
    }

    /**
     * The checks for a file read a row group at a time, nothing kept for the whole file (decision traces): the
     * declared sizes of every column chunk and page, not the row count against the heap.
     *
     * @throws ArenaException naming the file, row group, column and declared size
     */
    public static void checkDeclaredSizes(String source, Path file, ParquetMetadata footer) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new ArenaException("cannot read " + source + ": " + e.getMessage(), Location.of(source), e);
        }
        check(source, file, size, footer, Long.MAX_VALUE);
    }

    static void check(String source, Path file, long fileSize, ParquetMetadata footer, long heapBytes) {
        List<BlockMetaData> blocks = footer.getBlocks();
        long rows = 0;
        for (int g = 0; g < blocks.size(); g++) {
            BlockMetaData block = blocks.get(g);
            if (block.getRowCount() < 0) {
                throw error(source, g, null, "declares " + block.getRowCount() + " rows");
            }
            rows += block.getRowCount();
            if (rows > Integer.MAX_VALUE - 8) {
                throw error(source, g, null, String.format(Locale.ROOT, "declares %,d rows in all by this row group,"
                        + " more than one event log holds (%,d)", rows, Integer.MAX_VALUE - 8));
            }
            for (ColumnChunkMetaData c : block.getColumns()) {
                chunk(source, g, c, fileSize);
            }
        }
        if (rows * MIN_BYTES_PER_EVENT > heapBytes) {
            throw new ArenaException(String.format(Locale.ROOT, "declares %,d rows; at %d bytes an event at least,"
                    + " that is more than this JVM's heap (%,d MB; raise it with -Xmx, or ARENA_JAVA_OPTS for bin/arena)",
                    rows, MIN_BYTES_PER_EVENT, heapBytes >> 20), Location.of(source));
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            for (int g = 0; g < blocks.size(); g++) {
                for (ColumnChunkMetaData c : blocks.get(g).getColumns()) {
                    pages(source, g, c, channel);
                }
            }
        } catch (IOException e) {
            throw new ArenaException("cannot read " + source + ": " + e.getMessage(), Location.of(source), e);
        }
    }

    private static void chunk(String source, int g, ColumnChunkMetaData c, long fileSize) {
        long start = c.getStartingPos();
        long stored = c.getTotalSize();
        long uncompressed = c.getTotalUncompressedSize();
        String column = c.getPath().toDotString();
        if (!READABLE_CODECS.contains(c.getCodec())) {
            // Hadoop's LZ4 needs lz4-java, which is not bundled: a NoClassDefFoundError; LZO and Brotli a
            // "class not found" that read as a corrupt file.
            throw new ArenaException(String.format(Locale.ROOT, "row group %d is compressed with %s, which System"
                    + " Arena cannot decompress (it reads UNCOMPRESSED, SNAPPY, GZIP, ZSTD and LZ4_RAW; write the file"
                    + " with one of them)", g + 1, c.getCodec()), Location.of(source).withField(column, null));
        }
        if (start < 0 || stored < 0 || start > fileSize || stored > fileSize - start) {
            throw error(source, g, column, String.format(Locale.ROOT, "declares a column chunk of %,d bytes at"
                    + " offset %,d, past the end of the file (%,d bytes)", stored, start, fileSize));
        }
        if (uncompressed < 0 || uncompressed > MAX_CHUNK || uncompressed > Math.max(SMALL, MAX_RATIO * stored)) {
            throw error(source, g, column, String.format(Locale.ROOT, "declares %,d bytes uncompressed for a column"
                    + " chunk of %,d bytes (at most %,d times as many, and %,d bytes, are believable)", uncompressed,
                    stored, MAX_RATIO, MAX_CHUNK));
        }
        if (c.getValueCount() < 0) {
            throw error(source, g, column, "declares " + c.getValueCount() + " values");
        }
    }

    private static void pages(String source, int g, ColumnChunkMetaData c, FileChannel channel) throws IOException {
        String column = c.getPath().toDotString();
        long pos = c.getStartingPos();
        long end = pos + c.getTotalSize();
        while (pos < end) {
            channel.position(pos);
            Counting in = new Counting(new BufferedInputStream(Channels.newInputStream(channel), 256));
            PageHeader h;
            try {
                h = Util.readPageHeader(in);
            } catch (IOException | RuntimeException e) {
                throw error(source, g, column, String.format(Locale.ROOT, "has an unreadable page header at offset"
                        + " %,d (%s)", pos, e.getMessage()));
            }
            long body = pos + in.count;
            long compressed = h.getCompressed_page_size();
            long uncompressed = h.getUncompressed_page_size();
            if (compressed < 0 || compressed > end - body) {
                throw error(source, g, column, String.format(Locale.ROOT, "declares a page of %,d bytes at offset %,d,"
                        + " more than the %,d bytes left in its column chunk", compressed, pos, end - body));
            }
            if (uncompressed < 0 || uncompressed > c.getTotalUncompressedSize()
                    || uncompressed > Math.max(SMALL, MAX_RATIO * compressed)) {
                throw error(source, g, column, String.format(Locale.ROOT, "declares a page of %,d bytes uncompressed"
                        + " for %,d stored at offset %,d (its column chunk declares %,d uncompressed in all)",
                        uncompressed, compressed, pos, c.getTotalUncompressedSize()));
            }
            long values = h.isSetData_page_header() ? h.getData_page_header().getNum_values()
                    : h.isSetData_page_header_v2() ? h.getData_page_header_v2().getNum_values()
                    : h.isSetDictionary_page_header() ? h.getDictionary_page_header().getNum_values() : 0;
            if (values < 0 || !h.isSetDictionary_page_header() && values > c.getValueCount()) {
                throw error(source, g, column, String.format(Locale.ROOT, "declares a page of %,d values at offset"
                        + " %,d (its column chunk holds %,d)", values, pos, c.getValueCount()));
            }
            pos = body + compressed;
        }
    }

    private static ArenaException error(String source, int g, String column, String what) {
        return new ArenaException("corrupt or truncated Parquet data in row group " + (g + 1) + " ("
                + (column == null ? "the row group" : "the column chunk") + " " + what + ")",
                column == null ? Location.of(source) : Location.of(source).withField(column, null));
    }

    /** Counts the bytes read through it, so the header's length is known. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long k = super.skip(n);
            count += k;
            return k;
        }
    }
}
