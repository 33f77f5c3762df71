package uk.nhs.triage.bot.web;

/**
 * When a surge of negative or patient-safety comments on one account looks like the start of a
 * crisis (a holding statement is then due within four hours): more than {@code minComments} in the
 * last hour, and more than {@code timesAverage} times the account's hourly average over 7 days.
 */
public record CrisisRule(double minComments, double timesAverage) {
  public static final CrisisRule DEFAULT = new CrisisRule(5, 4);

  public boolean surge(long lastHour, double hourlyAverage) {
    return lastHour > minComments && lastHour > timesAverage * hourlyAverage;
  }
}
