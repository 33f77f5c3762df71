package uk.nhs.triage.adapters;

/** An adapter whose platform can say how our own account is doing. */
public interface AccountStatsSource {

  /**
   * Reads the account's followers and recent original posts now.
   *
   * @throws AdapterException when the platform cannot be read
   */
  AccountStats stats() throws AdapterException;
}
