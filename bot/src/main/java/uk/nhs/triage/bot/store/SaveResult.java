package uk.nhs.triage.bot.store;

/**
 * What one saved batch did.
 *
 * @param received comments in the batch
 * @param stored comments new to the store, each with its classification and triage item
 * @param duplicates comments already stored (same platform and external id), left unchanged
 */
public record SaveResult(int received, int stored, int duplicates) {}
