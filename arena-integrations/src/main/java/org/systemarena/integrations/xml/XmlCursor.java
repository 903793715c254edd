package org.systemarena.integrations.xml;

import java.io.InputStream;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.systemarena.core.ArenaException;

/**
 * The one way the XML readers here (XES, OCEL XML, PNML) read a document: a StAX reader from a factory that resolves
 * no DTD and no external entity (so no file is read and no billion-laughs expansion happens), walked element by
 * element ({@link #nextChild}, {@link #skip}), with error locations at the cursor ({@link #here}) and one error for
 * malformed XML naming the file, line, column and the parser's reason. The XML security settings live here only.
 */
public final class XmlCursor {
    private static final XMLInputFactory COALESCING = factory(true);
    private static final XMLInputFactory STREAMING = factory(false);

    private final XMLStreamReader xml;
    private final String source;

    /** What a reader does with the document. */
    @FunctionalInterface
    public interface Body<T> {
        T read(XmlCursor cursor) throws XMLStreamException;
    }

    private XmlCursor(XMLStreamReader xml, String source) {
        this.xml = xml;
        this.source = source;
    }

    /**
     * Reads {@code in} with {@code body} and closes the StAX reader (not {@code in}); malformed XML becomes
     * {@link #malformed}. {@code coalescing} joins adjacent text into one event (for element text); without it
     * large text arrives in pieces, which a reader of attributes alone does not mind.
     */
    public static <T> T read(InputStream in, String source, boolean coalescing, Body<T> body) {
        try {
            XMLStreamReader xml = (coalescing ? COALESCING : STREAMING).createXMLStreamReader(in);
            try {
                return body.read(new XmlCursor(xml, source));
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw malformed(e, source);
        }
    }

    /** The StAX reader, for the current element's name, attributes and text. */
    public XMLStreamReader xml() {
        return xml;
    }

    /** Advances past the prolog (declaration, comments, DTD) to the root element; false when there is none. */
    public boolean toRoot() throws XMLStreamException {
        while (xml.hasNext() && xml.next() != XMLStreamConstants.START_ELEMENT) {
            // prolog
        }
        return xml.isStartElement();
    }

    /** Advances to the next child start element of the current element; false at its end. */
    public boolean nextChild() throws XMLStreamException {
        while (xml.hasNext()) {
            int ev = xml.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (ev == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
        }
        return false;
    }

    /** Skips the rest of the current element, its children included. */
    public void skip() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int ev = xml.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** The source, line and column the cursor is at. */
    public ArenaException.Location here() {
        Location loc = xml.getLocation();
        return ArenaException.Location.line(source, loc.getLineNumber(), loc.getColumnNumber());
    }

    /** A factory without DTDs or external entities. */
    private static XMLInputFactory factory(boolean coalescing) {
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
