package org.systemarena.core;

import java.util.Objects;

/** The channel an event happened on. Common ones have constants; any other name is kept as written. */
public record Channel(String name) {
    public static final Channel EMAIL = new Channel("email");
    public static final Channel PHONE = new Channel("phone");
    public static final Channel SMS = new Channel("sms");
    public static final Channel CHAT = new Channel("chat");
    public static final Channel WEB = new Channel("web");
    public static final Channel IN_PERSON = new Channel("in_person");
    public static final Channel SYSTEM = new Channel("system");

    public Channel {
        Objects.requireNonNull(name, "channel name");
    }

    public static Channel of(String name) {
        return new Channel(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
