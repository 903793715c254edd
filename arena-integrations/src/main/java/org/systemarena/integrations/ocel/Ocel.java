package org.systemarena.integrations.ocel;

import java.nio.file.Path;
import org.systemarena.core.EventLog;

/**
 * Static entry points for OCEL 2.0 JSON ({@code .jsonocel}) and XML ({@code .xmlocel}).
 *
 * <p>Mapping: an OCEL event is a row; its {@code type} is the activity, its {@code id} the event id, its
 * {@code time} the timestamp; event attributes are payload attributes typed by the event type's declaration, except
 * {@code org:resource} (the actor id) and {@code arena:event_type} (the System Arena event type, else
 * {@link OcelOptions#eventType()}). Event-to-object relationships are object references, the qualifier being the
 * role. Cases travel as objects of {@link OcelOptions#caseObjectType()}. Objects keep their time-stamped attributes
 * and object-to-object relationships in {@link OcelLog}.
 */
public final class Ocel {
    private Ocel() {
    }

    public static OcelLog readJson(Path path) {
        return OcelJsonReader.create().read(path);
    }

    public static OcelLog readJson(Path path, OcelOptions options) {
        return OcelJsonReader.create(options).read(path);
    }

    public static OcelLog readXml(Path path) {
        return OcelXmlReader.create().read(path);
    }

    public static OcelLog readXml(Path path, OcelOptions options) {
        return OcelXmlReader.create(options).read(path);
    }

    /** Writes an event log's events and referenced objects as OCEL 2.0 JSON. */
    public static void writeJson(EventLog log, Path path) {
        OcelJsonWriter.create().write(OcelLog.of(log), path);
    }

    public static void writeJson(OcelLog log, Path path) {
        OcelJsonWriter.create().write(log, path);
    }

    public static void writeJson(OcelLog log, Path path, OcelOptions options) {
        OcelJsonWriter.create(options).write(log, path);
    }

    /** Writes an event log's events and referenced objects as OCEL 2.0 XML. */
    public static void writeXml(EventLog log, Path path) {
        OcelXmlWriter.create().write(OcelLog.of(log), path);
    }

    public static void writeXml(OcelLog log, Path path) {
        OcelXmlWriter.create().write(log, path);
    }

    public static void writeXml(OcelLog log, Path path, OcelOptions options) {
        OcelXmlWriter.create(options).write(log, path);
    }
}
