namespace Purser.Engine.Storage.Entities;

/// <summary>
/// The last invoice number an issuer gave. Incremented in the transaction that writes the
/// invoice, so a rolled-back close gives its number back and the sequence has no gaps (R-INVNUM).
/// </summary>
internal sealed class InvoiceSequence
{
    public required string Issuer { get; set; }
    public long LastNumber { get; set; }
}
