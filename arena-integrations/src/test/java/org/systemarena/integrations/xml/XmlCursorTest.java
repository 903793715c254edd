package org.systemarena.integrations.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.systemarena.core.ArenaException;
import org.systemarena.integrations.ocel.OcelXmlReader;
import org.systemarena.integrations.pnml.PnmlReader;
import org.systemarena.integrations.xes.XesReader;

/**
 * The cursor walks children and skips subtrees; malformed XML names the file, line, column and the parser's reason,
 * in every XML reader alike; a DTD is refused by all three.
 */
class XmlCursorTest {
    // Inside the format's root element, an element closed by the wrong end tag on line 3.
    private static final String REASON = "malformed XML: The element type \"b\" must be terminated by the matching"
            + " end-tag \"</b>\".";

    private static ByteArrayInputStream in(String root) {
        return new ByteArrayInputStream(("<?xml version=\"1.0\"?>\n<" + root + ">\n<b></c>\n</" + root + ">\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void ocelXmlPnmlAndXesSayWhyAndWhere() {
        assertThatThrownBy(() -> OcelXmlReader.create().read(in("log"), "log.xmlocel"))
                .isInstanceOf(ArenaException.class).hasMessageStartingWith("log.xmlocel:3:").hasMessageEndingWith(REASON);
        assertThatThrownBy(() -> PnmlReader.create().read(in("pnml"), "net.pnml")).isInstanceOf(ArenaException.class)
                .hasMessageStartingWith("net.pnml:3:").hasMessageEndingWith(REASON);
        assertThatThrownBy(() -> XesReader.create().read(in("log"), "log.xes")).isInstanceOf(ArenaException.class)
                .hasMessageStartingWith("log.xes:3:").hasMessageEndingWith(REASON);
    }

    @Test
    void aDtdIsRefused() {
        String dtd = "<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY x \"y\">]>\n<a>&x;</a>\n";
        assertThatThrownBy(() -> PnmlReader.create().read(new ByteArrayInputStream(dtd.getBytes(
                StandardCharsets.UTF_8)), "net.pnml")).isInstanceOf(ArenaException.class)
                .hasMessageStartingWith("net.pnml:3:");
    }

    @Test
    void walksChildrenSkipsSubtreesAndSaysWhereItIs() {
        String doc = "<?xml version=\"1.0\"?>\n<!-- c -->\n<root>\n  <a><deep><deeper/></deep></a>\n  <b x=\"1\">t</b>\n"
                + "</root>\n";
        List<String> seen = XmlCursor.read(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)), "d.xml",
                true, c -> {
                    List<String> out = new ArrayList<>();
                    assertThat(c.toRoot()).isTrue();
                    out.add(c.xml().getLocalName());
                    while (c.nextChild()) {
                        out.add(c.xml().getLocalName() + "@" + c.here().describe());
                        if ("b".equals(c.xml().getLocalName())) {
                            out.add(c.xml().getAttributeValue(null, "x") + c.xml().getElementText());
                        } else {
                            c.skip();
                        }
                    }
                    return out;
                });
        assertThat(seen).containsExactly("root", "a@d.xml:4:6", "b@d.xml:5:12", "1t");
    }

    @Test
    void anEmptyDocumentHasNoRoot() {
        assertThatThrownBy(() -> XmlCursor.read(new ByteArrayInputStream(new byte[0]), "e.xml", false,
                XmlCursor::toRoot)).isInstanceOf(ArenaException.class).hasMessageStartingWith("e.xml");
    }
}
