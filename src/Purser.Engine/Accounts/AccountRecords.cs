namespace Purser.Engine.Accounts;

/// <summary>A postal address as read back for display (sold-to, bill-to).</summary>
public sealed record PostalAddress(string AddressLine1, string? AddressLine2, string? City, string? Region, string? PostalCode,
    string Country, string? CompanyName);

/// <summary>A billing account with everything its ARM resource shows.</summary>
public sealed record BillingAccountRecord(Guid Id, string Name, string DisplayName, string AgreementType, string AccountType,
    string AccountStatus, PostalAddress SoldTo);

/// <summary>A billing profile with everything its ARM resource shows.</summary>
public sealed record BillingProfileRecord(Guid Id, Guid BillingAccountId, string AccountName, string Name, string DisplayName,
    string Currency, int InvoiceDay, bool InvoiceEmailOptIn, string? PoNumber, string Status, string TimeZone, PostalAddress BillTo);
