package uk.nhs.triage.bot.notify;

import jakarta.mail.MessagingException;

/** Hands an email to a mail server; returns only once the server has accepted it. */
@FunctionalInterface
public interface Mailer {
  void send(Email email) throws MessagingException;
}
