package uk.nhs.triage.bot.notify;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import uk.nhs.triage.bot.config.SmtpSettings;

/** Sends plain-text emails through the configured SMTP server with Jakarta Mail. */
public final class SmtpMailer implements Mailer {
  private final SmtpSettings settings;
  private final Session session;
  private final String password;
  private final Clock clock;

  /**
   * @param environment where the password's variable is looked up, normally {@code System.getenv()}
   */
  public SmtpMailer(SmtpSettings settings, Map<String, String> environment, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.password = settings.password(environment).filter(p -> !p.isBlank()).orElse(null);
    this.session = Session.getInstance(properties(settings));
  }

  /**
   * What stops this mailer from logging in, if anything. Not a start-up failure: the service still
   * polls and posts replies, and the emails wait in the outbox, failing visibly, until it is set.
   */
  public Optional<String> problem() {
    if (settings.passwordEnv() != null && password == null) {
      return Optional.of(
          "smtp.password_env: environment variable " + settings.passwordEnv() + " is not set");
    }
    return Optional.empty();
  }

  @Override
  public void send(Email email) throws MessagingException {
    if (problem().isPresent()) {
      throw new MessagingException(problem().get());
    }
    MimeMessage message = new FixedIdMessage(session, email.messageId());
    message.setFrom(new InternetAddress(settings.from()));
    message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(email.to(), true));
    message.setSubject(email.subject(), StandardCharsets.UTF_8.name());
    message.setSentDate(Date.from(clock.instant()));
    message.setText(email.body(), StandardCharsets.UTF_8.name(), "plain");
    if (email.urgent()) {
      message.setHeader("Importance", "high");
      message.setHeader("X-Priority", "1");
    }
    message.saveChanges();
    try (Transport transport = session.getTransport()) {
      transport.connect(settings.host(), settings.port(), settings.user(), password);
      transport.sendMessage(message, message.getAllRecipients());
    }
  }

  private static Properties properties(SmtpSettings settings) {
    String protocol = settings.tls() == SmtpSettings.Tls.SMTPS ? "smtps" : "smtp";
    String timeout = String.valueOf(settings.timeout().toMillis());
    Properties p = new Properties();
    p.setProperty("mail.transport.protocol", protocol);
    p.setProperty("mail." + protocol + ".host", settings.host());
    p.setProperty("mail." + protocol + ".port", String.valueOf(settings.port()));
    p.setProperty("mail." + protocol + ".auth", String.valueOf(settings.user() != null));
    p.setProperty("mail." + protocol + ".connectiontimeout", timeout);
    p.setProperty("mail." + protocol + ".timeout", timeout);
    p.setProperty("mail." + protocol + ".writetimeout", timeout);
    if (settings.tls() == SmtpSettings.Tls.STARTTLS) {
      // Required, not merely tried: patient details must not cross the network in clear.
      p.setProperty("mail.smtp.starttls.enable", "true");
      p.setProperty("mail.smtp.starttls.required", "true");
    }
    if (settings.tls() != SmtpSettings.Tls.NONE) {
      p.setProperty("mail." + protocol + ".ssl.checkserveridentity", "true");
    }
    return p;
  }

  /** Jakarta Mail would make a fresh Message-ID on every save; ours must stay the same. */
  private static final class FixedIdMessage extends MimeMessage {
    private final String messageId;

    FixedIdMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
