namespace Purser.Engine.Accounts;

public sealed record AddressInput(string? AddressLine1, string? City, string? Region, string? PostalCode, string? Country, string? CompanyName);

public sealed record NewBillingAccount(string? DisplayName, string? AgreementType, string? AccountType, AddressInput? SoldTo);

public sealed record NewBillingProfile(Guid? BillingAccountId, string? DisplayName, string? Currency, int? InvoiceDay,
    string? TimeZone, bool? InvoiceEmailOptIn, string? PoNumber, string? PaymentMethod, AddressInput? BillTo, string? Language = null);

public sealed record NewUser(Guid? BillingAccountId, string? Email, string? Password, string? FirstName, string? LastName,
    string? Phone, string? Company, bool? IsOperator, string? PreferredLanguage, string? PartnerId = null);

public sealed record NewRoleAssignment(Guid? UserId, string? Role, Guid? ScopeId);

public sealed record NewApiToken(Guid? UserId, string? Name, int? ValidDays);
