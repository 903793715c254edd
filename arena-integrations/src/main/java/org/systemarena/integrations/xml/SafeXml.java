package org.systemarena.integrations.xml;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import org.systemarena.core.ArenaException;

/**
 * What every XML reader here shares: a StAX factory that resolves no DTD and no external entity (so no file is
 * read and no billion-laughs expansion happens), and one error for malformed XML naming the file, line, column and
 * the parser's reason.
 */
public final class SafeXml {
    private SafeXml() {
    }

    /** A factory without DTDs or external entities; {@code coalescing} joins adjacent text into one event. */
    public static XMLInputFactory factory(boolean coalescing) {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, coalescing);
        return f;
    }

    /**
     * {@code source:line:col: malformed XML: <reason>}. The JDK's message is "ParseError at [row,col]:[l,c]" and, on
     * a line of its own, "Message: <reason>": the position goes into the location, the reason into the message.
     */
    public static ArenaException malformed(XMLStreamException e, String source) {
        Location loc = e.getLocation();
        return new ArenaException("malformed XML: " + reason(e), loc == null ? ArenaException.Location.of(source)
                : ArenaException.Location.line(source, loc.getLineNumber(), loc.getColumnNumber()), e);
    }

    static String reason(XMLStreamException e) {
        String m = e.getMessage();
        if (m == null) {
            return e.getClass().getSimpleName();
        }
        int i = m.indexOf("Message: ");
        return (i >= 0 ? m.substring(i + "Message: ".length()) : m).strip().replace('\n', ' ');
    }
}
