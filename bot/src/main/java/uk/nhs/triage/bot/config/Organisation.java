package uk.nhs.triage.bot.config;

/** Who we are, as reply templates name us. */
public record Organisation(String name, String palsPhone, String palsEmail, String foiEmail) {}
