package org.systemarena.datasets.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.systemarena.core.manifest.CaseConfig;
import org.systemarena.core.manifest.Manifest;

/** Helpers for reader tests: write a file, build a manifest with a given case mapping. */
public final class IoTestFiles {
    private IoTestFiles() {
    }

    public static Path write(Path dir, String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Manifest mapping(String idField, String timestampField, String eventTypeField, String activityField,
                            String sequenceField) {
        return new Manifest("t", null, null, new CaseConfig(idField, timestampField, eventTypeField, activityField,
                sequenceField), null, null, null, null, null, null, null, null);
    }
}
