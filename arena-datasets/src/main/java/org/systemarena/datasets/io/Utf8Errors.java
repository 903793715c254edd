package org.systemarena.datasets.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.systemarena.core.ArenaException;
import org.systemarena.core.ArenaException.Location;

/**
 * Where a file stops being UTF-8. A decoding reader only says that it did ("Input length = 1"), and it reads ahead,
 * so the line a parser was on is not where the bad byte is: the file is scanned again from the start, which costs
 * only the file that is being rejected.
 */
public final class Utf8Errors {
    private Utf8Errors() {
    }

    /** The error for the first byte of {@code file} that is not UTF-8 (its line, column and byte offset). */
    public static ArenaException firstBadByte(Path file) {
        String source = file.toString();
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        in.limit(0);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        long consumed = 0; // bytes of the file before in's index 0
        long line = 1;
        long column = 1;
        try (InputStream stream = Files.newInputStream(file)) {
            boolean end = false;
            while (true) {
                if (!end) {
                    consumed += in.position();
                    in.compact();
                    int n = stream.read(in.array(), in.position(), in.remaining());
                    if (n < 0) {
                        end = true;
                    } else {
                        in.position(in.position() + n);
                    }
                    in.flip();
                }
                CoderResult r = decoder.decode(in, out, end);
                out.flip();
                while (out.hasRemaining()) {
                    if (out.get() == '\n') {
                        line++;
                        column = 1;
                    } else {
                        column++;
                    }
                }
                out.clear();
                if (r.isError()) {
                    return new ArenaException(String.format(Locale.ROOT, "not valid UTF-8: byte 0x%02X at byte offset"
                            + " %,d (save the file as UTF-8)", in.get(in.position()) & 0xFF, consumed + in.position()),
                            new Location(source, line, (int) Math.min(column, Integer.MAX_VALUE), null, null));
                }
                if (end && r.isUnderflow()) {
                    return new ArenaException("not valid UTF-8", Location.of(source)); // it was when it was read
                }
            }
        } catch (IOException e) {
            return new ArenaException("cannot read " + source + ": " + e.getMessage(), e);
        }
    }
}
