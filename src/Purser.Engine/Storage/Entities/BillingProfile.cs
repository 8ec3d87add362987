namespace Purser.Engine.Storage.Entities;

internal sealed class BillingProfile
{
    public Guid Id { get; set; }
    public Guid BillingAccountId { get; set; }

    /// <summary>The ARM name, e.g. <c>PBFV-XXXX-XXX-XXX</c>.</summary>
    public required string Name { get; set; }
    public required string DisplayName { get; set; }
    public required string Currency { get; set; }
    public int InvoiceDay { get; set; } = 1;
    public bool InvoiceEmailOptIn { get; set; }
    public required string TimeZone { get; set; }

    /// <summary>The language of the profile's invoices and documents: zh-Hans, zh-Hant or en.</summary>
    public string Language { get; set; } = "zh-Hans";
    public string? PoNumber { get; set; }
    public string PaymentMethod { get; set; } = "WireTransfer";
    public string Status { get; set; } = "Active";
    public Address BillTo { get; set; } = new();
    public DateTime CreatedAt { get; set; }

    /// <summary>When the last invoice closed: the cut between settled and pending credit movements.</summary>
    public DateTime? LastInvoicedAt { get; set; }
}
