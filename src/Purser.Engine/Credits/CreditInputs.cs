using System.ComponentModel.DataAnnotations;

namespace Purser.Engine.Credits;

/// <summary>An operator's grant of credit to a billing profile; dates default to now and twelve months on.</summary>
public sealed record NewCreditGrant([property: Required] Guid? BillingProfileId, [property: Required] decimal? Amount, string? Currency, string? Source,
    DateTimeOffset? StartDate, DateTimeOffset? ExpirationDate, string? PoNumber);
