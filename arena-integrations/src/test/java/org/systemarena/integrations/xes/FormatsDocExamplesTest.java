package org.systemarena.integrations.xes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.systemarena.core.EventLog;
import org.systemarena.integrations.csv.CsvOptions;
import org.systemarena.integrations.csv.Pm4pyCsv;
import org.systemarena.integrations.objects.ObjectTypeStats;
import org.systemarena.integrations.objects.ObjectViews;
import org.systemarena.integrations.ocel.Ocel;
import org.systemarena.integrations.ocel.OcelLog;
import org.systemarena.integrations.ocel.OcelObject;
import org.systemarena.integrations.ocel.ObjectRelation;
import org.systemarena.integrations.petri.AcceptingPetriNet;
import org.systemarena.integrations.pnml.Pnml;

/** The snippets of docs/process-mining-formats.md, compiled and run on the reference fixtures. */
class FormatsDocExamplesTest {
    @TempDir
    Path dir;

    @Test
    void xes() {
        Path path = Pm4pyFixtures.path("input_logs/running-example.xes");
        EventLog log = Xes.read(path);
        EventLog asPm4py = Xes.read(path, XesOptions.pm4pyTimestamps());
        Xes.write(log, dir.resolve("out.xes.gz"));
        assertThat(Xes.read(dir.resolve("out.xes.gz")).size()).isEqualTo(42);
        assertThat(asPm4py.size()).isEqualTo(log.size());
    }

    @Test
    void ocelAndObjectViews() {
        OcelLog ocel = Ocel.readJson(Pm4pyFixtures.path("input_logs/ocel20_example.jsonocel"));
        EventLog events = ocel.events();
        List<OcelObject> objects = ocel.objects();
        List<ObjectRelation> o2o = ocel.objectRelations();
        Ocel.writeJson(events, dir.resolve("leads.jsonocel"));
        Ocel.writeXml(OcelLog.of(events), dir.resolve("leads.xmlocel"));
        List<ObjectTypeStats> stats = ObjectViews.stats(events);
        EventLog perInvoice = ObjectViews.flatten(events, "Invoice");
        assertThat(objects).hasSize(9);
        assertThat(o2o).hasSize(7);
        assertThat(stats).hasSize(4);
        assertThat(perInvoice.caseCount()).isEqualTo(3);
    }

    @Test
    void pnmlAndCsv() {
        AcceptingPetriNet net = Pnml.read(Pm4pyFixtures.path("outputs/running-example/petri_net_im.pnml"));
        assertThat(net.initialMarking().toString()).isEqualTo("['source:1']");
        Pnml.write(net, dir.resolve("copy.pnml"));

        EventLog log = Xes.read(Pm4pyFixtures.path("input_logs/running-example.xes"));
        Pm4pyCsv.write(log, dir.resolve("log.csv"));
        EventLog back = Pm4pyCsv.read(dir.resolve("log.csv"));
        EventLog fromPandas = Pm4pyCsv.read(dir.resolve("log.csv"),
                CsvOptions.pm4pyTimestamps().withInferTypes(false));
        assertThat(back.size()).isEqualTo(42);
        assertThat(fromPandas.payload().get(0, "Costs")).isInstanceOf(String.class);
    }
}
