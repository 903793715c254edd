package org.systemarena.integrations.pnml;

import java.nio.file.Path;
import org.systemarena.integrations.petri.AcceptingPetriNet;

/** Static entry points for PNML files; see {@link PnmlReader} and {@link PnmlWriter}. */
public final class Pnml {
    private Pnml() {
    }

    public static AcceptingPetriNet read(Path path) {
        return PnmlReader.create().read(path);
    }

    public static void write(AcceptingPetriNet net, Path path) {
        PnmlWriter.create().write(net, path);
    }

    public static String toString(AcceptingPetriNet net) {
        return PnmlWriter.create().toString(net);
    }
}
