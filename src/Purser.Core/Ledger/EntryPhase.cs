namespace Purser.Core.Ledger;

/// <summary>
/// Two-phase entries: a movement is pending until an invoice settles it. Settling appends a
/// settled twin of the pending entry rather than changing it.
/// </summary>
public enum EntryPhase
{
    Pending,
    Settled,
}
