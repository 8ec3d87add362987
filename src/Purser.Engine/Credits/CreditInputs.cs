using System.ComponentModel.DataAnnotations;

namespace Purser.Engine.Credits;

/// <summary>An operator's grant of credit to a billing profile; dates default to now and twelve months on.</summary>
public sealed record NewCreditGrant([property: Required] Guid? BillingProfileId, [property: Required] decimal? Amount, string? Currency, string? Source,
    DateTimeOffset? StartDate, DateTimeOffset? ExpirationDate, string? PoNumber);

/// <summary>An operator's signed correction of one lot's credit, and why; it cannot take the lot below zero.</summary>
public sealed record NewCreditAdjustment([property: Required] decimal? Amount, [property: Required] string? Reason);

/// <summary>Voiding what is left of one lot, and why (the reason defaults to a plain description).</summary>
public sealed record NewLotVoid(string? Reason);
