package uk.nhs.triage.bot.calendar;

import java.time.LocalDate;

/** One bank holiday in one nation, as the bank-holidays file lists it. */
public record BankHoliday(LocalDate date, Nation nation, String name) {}
