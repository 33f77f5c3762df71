package uk.nhs.triage.bot.store;

/** JDBC URLs as they may be shown in messages and logs. */
final class JdbcUrls {

  private JdbcUrls() {}

  /** The URL with any password parameter masked, since a URL may carry one. */
  static String withoutSecrets(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }
}
