package org.systemarena.integrations.objects;

/**
 * How much of a log one object type touches.
 *
 * @param objectType the type
 * @param events     distinct events referencing at least one object of the type
 * @param objects    distinct object ids of the type
 * @param references event-to-object references to the type (an event naming two objects counts twice)
 */
public record ObjectTypeStats(String objectType, int events, int objects, int references) {
}
