namespace Purser.Engine.Credits;

/// <summary>An operator's grant of credit to a billing profile; dates default to now and twelve months on.</summary>
public sealed record NewCreditGrant(Guid? BillingProfileId, decimal? Amount, string? Currency, string? Source,
    DateTimeOffset? StartDate, DateTimeOffset? ExpirationDate, string? PoNumber);

/// <summary>An operator's signed correction of one lot's credit, and why; it cannot take the lot below zero.</summary>
public sealed record NewCreditAdjustment(decimal? Amount, string? Reason);

/// <summary>Voiding what is left of one lot, and why (the reason defaults to a plain description).</summary>
public sealed record NewLotVoid(string? Reason);
