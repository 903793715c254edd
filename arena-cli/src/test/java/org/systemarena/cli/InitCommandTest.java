package org.systemarena.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.systemarena.datasets.Datasets;
import org.systemarena.datasets.synthetic.GeneratedLog;
import org.systemarena.datasets.synthetic.LeadFollowupConfig;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class InitCommandTest {
    @TempDir
    Path tmp;

    @Test
    void scaffoldsAWorkflowThatValidates() throws IOException {
        Path dir = tmp.resolve("my-flow");
        Cli.Result r = Cli.run("init", dir.toString(), "--cases", "25", "--seed", "3");
        assertThat(r.exit()).isZero();
        for (String f : new String[] {"manifest.yaml", "data/events.parquet", "data/generator.json",
            "policies/FollowUpPolicy.java", "src/test/java/FollowUpPolicyTest.java", "pom.xml", "README.md",
            ".gitignore"}) {
            assertThat(dir.resolve(f)).isNotEmptyFile();
        }
        assertThat(r.outLines()).contains("  data/generator.json");
        // The marker says the data is the generator's, for the config init used.
        GeneratedLog generated = GeneratedLog.check(dir, Datasets.loadWorkflow(dir).log());
        assertThat(generated.generated()).as(generated.reason()).isTrue();
        assertThat(generated.config()).contains(LeadFollowupConfig.of(25, 3));
        String pom = Files.readString(dir.resolve("pom.xml"));
        assertThat(pom).contains("<artifactId>my-flow</artifactId>")
                .contains("<arena.version>" + Version.get() + "</arena.version>")
                .contains("<artifactId>arena-bom</artifactId>").doesNotContain("@@");
        Cli.Result info = Cli.run("info", dir.toString());
        assertThat(info.rows()).contains("cases: 25");
        Cli.Result validate = Cli.run("validate", dir.toString());
        assertThat(validate.exit()).isZero();
        assertThat(validate.outLines()).last().isEqualTo("valid: " + dir);
    }

    @Test
    void refusesANonEmptyDirectory() throws IOException {
        Files.writeString(tmp.resolve("keep.txt"), "x");
        Cli.Result r = Cli.run("init", tmp.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("error: " + tmp + ": directory is not empty; init only writes into"
                + " a new or empty directory");
        assertThat(tmp.resolve("manifest.yaml")).doesNotExist();
    }

    /** The generated pom pins the same plugin versions as this build, so it builds offline wherever this one did. */
    @Test
    void pluginVersionsMatchTheRootPom() throws Exception {
        Path rootPom = Cli.EXAMPLE.getParent().getParent().resolve("pom.xml");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(rootPom.toFile());
        Element management = (Element) doc.getElementsByTagName("pluginManagement").item(0);
        NodeList plugins = management.getElementsByTagName("plugin");
        Map<String, String> pinned = new HashMap<>();
        for (int i = 0; i < plugins.getLength(); i++) {
            Element p = (Element) plugins.item(i);
            pinned.put(p.getElementsByTagName("artifactId").item(0).getTextContent(),
                    p.getElementsByTagName("version").item(0).getTextContent());
        }
        Map<String, String> used = InitCommand.pluginVersions();
        assertThat(used).isNotEmpty();
        used.forEach((plugin, version) -> assertThat(pinned).containsEntry(plugin, version));
        Document rootDoc = doc;
        String junit = rootDoc.getElementsByTagName("junit.version").item(0).getTextContent();
        assertThat(Version.property("junit")).isEqualTo(junit);
    }
}
