package org.systemarena.datasets.manifest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.systemarena.core.ArenaException;
import org.systemarena.core.ArenaException.Location;

/** Strict UTF-8 decoding whose error names the line, the column and the byte offset of the first bad byte. */
final class Utf8Text {
    private Utf8Text() {
    }

    static String decode(byte[] bytes, String source, String what) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            int at = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            // Columns count characters, so decode the line's good part to count them.
            int column = new String(bytes, lineStart, at - lineStart, StandardCharsets.UTF_8).length() + 1;
            throw new ArenaException(String.format(Locale.ROOT, "%s is not valid UTF-8: byte 0x%02X at byte offset"
                    + " %,d (save the file as UTF-8)", what, bytes[at] & 0xFF, at), Location.line(source, line, column));
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }
}
