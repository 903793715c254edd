package org.systemarena.integrations.ocel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.systemarena.core.ArenaException;
import org.systemarena.core.EventLog;
import org.systemarena.core.EventLogBuilder;
import org.systemarena.core.Values;
import org.systemarena.core.input.IsoTimestamps;

/**
 * Collects what a JSON or XML reader finds and builds the {@link OcelLog}. Declarations come first, then objects,
 * then events (readers make sure of that order); values are typed by their declared attribute type.
 */
final class OcelImport {
    private final OcelOptions options;
    private final Map<String, Map<String, String>> objectTypes = new HashMap<>();
    private final Map<String, Map<String, String>> eventTypes = new HashMap<>();
    private final Map<String, OcelObject> objects = new LinkedHashMap<>();
    private final List<ObjectRelation> relations = new ArrayList<>();
    private final List<ArenaException.Location> relationLocations = new ArrayList<>();
    private final EventLogBuilder builder = EventLog.builder();
    private final int defaultType;
    private final Map<String, ArenaException.Location> eventIds = new HashMap<>();

    OcelImport(OcelOptions options) {
        this.options = options;
        this.defaultType = builder.internEventType(options.eventType());
    }

    OcelOptions options() {
        return options;
    }

    void declareObjectType(String name, Map<String, String> attributes) {
        objectTypes.put(name, attributes);
    }

    void declareEventType(String name, Map<String, String> attributes) {
        eventTypes.put(name, attributes);
    }

    /** Raw text (or an already typed JSON value) of one object attribute value. */
    record RawValue(String name, String time, Object value) {
    }

    void addObject(String id, String type, List<RawValue> values, ArenaException.Location at) {
        require(id, "id", at);
        require(type, "type", at);
        Map<String, String> decl = objectTypes.getOrDefault(type, Map.of());
        List<OcelObject.AttributeValue> attrs = new ArrayList<>(values.size());
        for (RawValue v : values) {
            require(v.name(), "name", at);
            require(v.time(), "time", at);
            attrs.add(new OcelObject.AttributeValue(v.name(), time(v.time(), at.withField(v.name() + ".time",
                    v.time())), typed(v.value(), decl.get(v.name()), at.withField(v.name(), v.value()))));
        }
        if (objects.putIfAbsent(id, new OcelObject(id, type, attrs)) != null) {
            throw new ArenaException("duplicate object id", at.withField("id", id));
        }
    }

    void addObjectRelation(String sourceId, String targetId, String qualifier, ArenaException.Location at) {
        require(targetId, "objectId", at);
        relations.add(new ObjectRelation(sourceId, targetId, qualifier));
        relationLocations.add(at);
    }

    /** One event; {@code attributes} are (name, raw value) and {@code relationships} (objectId, qualifier). */
    void addEvent(String id, String type, String time, List<String[]> relationships, List<Object[]> attributes,
                  ArenaException.Location at) {
        require(id, "id", at);
        require(type, "type", at);
        require(time, "time", at);
        if (eventIds.putIfAbsent(id, at) != null) {
            throw new ArenaException("duplicate event id", at.withField("id", id));
        }
        long micros = timeMicros(time, at.withField("time", time));
        String caseId = null;
        int caseRef = -1;
        if (options.caseObjectType() != null) {
            for (int i = 0; i < relationships.size(); i++) {
                OcelObject o = object(relationships.get(i)[0], at);
                if (o.type().equals(options.caseObjectType())) {
                    caseId = o.id();
                    caseRef = i;
                    break;
                }
            }
        }
        builder.startEvent(caseId == null ? id : caseId, micros);
        builder.eventId(id);
        builder.activity(type);
        String eventType = null;
        Map<String, String> decl = eventTypes.getOrDefault(type, Map.of());
        for (Object[] a : attributes) {
            String name = (String) a[0];
            require(name, "attribute name", at);
            Object value = typed(a[1], decl.get(name), at.withField(name, a[1]));
            if (name.equals(OcelExport.RESOURCE) && value instanceof String s) {
                builder.actorId(s);
            } else if (name.equals(OcelExport.EVENT_TYPE) && value instanceof String s) {
                eventType = s;
            } else {
                builder.payload(name, value);
            }
        }
        if (eventType != null) {
            builder.eventType(eventType);
        } else {
            builder.eventTypeCode(defaultType);
        }
        for (int i = 0; i < relationships.size(); i++) {
            if (i == caseRef) {
                continue;
            }
            String[] rel = relationships.get(i);
            OcelObject o = object(rel[0], at);
            builder.objectRef(o.type(), o.id(), rel[1] == null || rel[1].isEmpty() ? null : rel[1]);
        }
    }

    private OcelObject object(String id, ArenaException.Location at) {
        OcelObject o = id == null ? null : objects.get(id);
        if (o == null) {
            throw new ArenaException("relationship to an unknown object", at.withField("objectId", id));
        }
        return o;
    }

    OcelLog build() {
        for (int i = 0; i < relations.size(); i++) {
            ObjectRelation r = relations.get(i);
            object(r.targetId(), relationLocations.get(i));
        }
        return new OcelLog(builder.build(), new ArrayList<>(objects.values()), relations);
    }

    private Object typed(Object raw, String declared, ArenaException.Location at) {
        if (raw == null) {
            return null;
        }
        if (!(raw instanceof String text)) {
            // A JSON number or boolean; honour a declaration that asks for something else.
            Object v = Values.normalize(raw);
            if (declared == null || declared.equals(OcelValues.declaredType(org.systemarena.core.ValueKind.of(v)))) {
                return v;
            }
            raw = OcelValues.text(v);
            if (declared.equals("float") && v instanceof Long l) {
                return l.doubleValue();
            }
        }
        try {
            return OcelValues.parse((String) raw, declared, options.timestampMode());
        } catch (IllegalArgumentException e) {
            throw new ArenaException("not a valid " + declared + " value: " + e.getMessage(), at, e);
        }
    }

    private java.time.Instant time(String text, ArenaException.Location at) {
        return org.systemarena.core.Timestamps.fromMicros(timeMicros(text, at));
    }

    private long timeMicros(String text, ArenaException.Location at) {
        try {
            return IsoTimestamps.parseMicros(text.trim(), options.timestampMode()); // as xs:dateTime, spaces around
        } catch (IllegalArgumentException e) {
            throw new ArenaException("unparseable time: " + e.getMessage(), at, e);
        }
    }

    private static void require(Object value, String field, ArenaException.Location at) {
        if (value == null) {
            throw new ArenaException("missing required field '" + field + "'", at.withField(field, null));
        }
    }
}
