package org.lockstep.io.chat;

import java.util.Locale;

/** The chat export formats {@link ChatReaders} reads. */
public enum ChatFormat {
    /** DiscordChatExporter's JSON export ({@code guild}, {@code channel}, {@code messages[]}). */
    DISCORD("discord"),
    /** Telegram Desktop's "Export chat history" JSON ({@code result.json}). */
    TELEGRAM("telegram"),
    /** Any CSV with a header, its columns mapped to time, author, text, attachment ({@link ChatCsvMapping}). */
    CSV("csv");

    private final String label;

    ChatFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static ChatFormat parse(String s) {
        for (ChatFormat f : values()) if (f.label.equals(s.strip().toLowerCase(Locale.ROOT))) return f;
        throw new IllegalArgumentException("unknown chat format '" + s + "' (discord, telegram, csv)");
    }
}
