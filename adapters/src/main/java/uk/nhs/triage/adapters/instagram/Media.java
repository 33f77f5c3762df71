package uk.nhs.triage.adapters.instagram;

/**
 * One of the account's posts (media) whose comments are read.
 *
 * @param permalink the media's link; Instagram has none per comment, so comments link here
 * @param commentsCount the media's comment count, or -1 when not given
 */
record Media(String id, String permalink, long commentsCount) {}
