package org.systemarena.integrations.xes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** Paths to the PM4Py reference fixtures copied under {@code src/test/resources/pm4py}. */
public final class Pm4pyFixtures {
    /** Reference log directory name under outputs/ -> input file name. */
    public static final List<String[]> XES_LOGS = List.of(
            new String[] {"running-example", "running-example.xes"},
            new String[] {"repairExample", "03_repairExample.xes.gz"},
            new String[] {"reviewing", "04_reviewing.xes.gz"},
            new String[] {"receipt", "08_receipt.xes.gz"},
            new String[] {"roadtraffic100traces", "roadtraffic100traces.xes"});

    private Pm4pyFixtures() {
    }

    public static Path path(String relative) {
        try {
            java.net.URL url = Pm4pyFixtures.class.getResource("/pm4py/" + relative);
            if (url == null) {
                throw new IllegalArgumentException("missing fixture pm4py/" + relative);
            }
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(String relative) {
        try {
            return new ObjectMapper().readTree(path(relative).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
