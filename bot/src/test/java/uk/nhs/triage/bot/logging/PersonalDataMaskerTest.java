package uk.nhs.triage.bot.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class PersonalDataMaskerTest {
  @Test
  void masksNhsNumbersPhonesAndEmailsButKeepsTheRestReadable() {
    String masked =
        PersonalDataMasker.mask(
            "dad's NHS number 943 476 5919, call 07700 900123 or +44 7700 900456,"
                + " email jo.bloggs@example.com; ward 7, 3 days, 2026-11-23");
    assertThat(masked)
        .doesNotContain("943 476 5919")
        .doesNotContain("900123")
        .doesNotContain("900456")
        .doesNotContain("jo.bloggs@example.com")
        .contains("*** *** **19")
        .contains("***@***")
        .contains("ward 7, 3 days, 2026-11-23");
  }

  @Test
  void theLogLayoutUsesTheMask() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%maskedMsg%n");
    encoder.start();
    OutputStreamAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender =
        new OutputStreamAppender<>();
    appender.setContext(context);
    appender.setEncoder(encoder);
    appender.setOutputStream(sink);
    appender.start();
    Logger logger = context.getLogger("mask-test");
    logger.addAppender(appender);
    logger.warn("passed over comment from 9434765919 at sue@example.org");
    appender.stop();
    String line = sink.toString(StandardCharsets.UTF_8);
    assertThat(line).contains("********19").contains("***@***").doesNotContain("sue@example.org");
  }
}
