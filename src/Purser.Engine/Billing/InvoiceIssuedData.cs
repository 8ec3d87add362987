using System.Text.Json;

namespace Purser.Engine.Billing;

/// <summary>
/// An issued invoice's facts as its <c>InvoiceIssued</c> outbox event carries them: what the invoice e-mail and the webhook
/// say is what the close decided, whatever payments do to the invoice later.
/// </summary>
public sealed record InvoiceIssuedData(
    Guid InvoiceId, string InvoiceNumber, Guid BillingProfileId, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly InvoiceDate, DateOnly DueDate,
    string Currency, decimal SubTotal, decimal CreditApplied, decimal AmountDue)
{
    private static readonly JsonSerializerOptions Wire = new(JsonSerializerDefaults.Web);

    public string Json() => JsonSerializer.Serialize(this, Wire);

    public static InvoiceIssuedData? Parse(string? json) => json is null ? null : JsonSerializer.Deserialize<InvoiceIssuedData>(json, Wire);
}
