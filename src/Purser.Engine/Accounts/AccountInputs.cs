using System.ComponentModel.DataAnnotations;

namespace Purser.Engine.Accounts;

public sealed record AddressInput([property: Required] string? AddressLine1, string? City, string? Region, string? PostalCode, [property: Required] string? Country, string? CompanyName);

public sealed record NewBillingAccount([property: Required] string? DisplayName, [property: Required] string? AgreementType, [property: Required] string? AccountType, [property: Required] AddressInput? SoldTo);

public sealed record NewBillingProfile([property: Required] Guid? BillingAccountId, [property: Required] string? DisplayName, [property: Required] string? Currency, int? InvoiceDay,
    string? TimeZone, bool? InvoiceEmailOptIn, string? PoNumber, string? PaymentMethod, AddressInput? BillTo, string? Language = null);

public sealed record NewUser(Guid? BillingAccountId, [property: Required] string? Email, string? Password, string? FirstName, string? LastName,
    string? Phone, string? Company, bool? IsOperator, string? PreferredLanguage, string? PartnerId = null);

public sealed record NewRoleAssignment([property: Required] Guid? UserId, [property: Required] string? Role, [property: Required] Guid? ScopeId);

public sealed record NewApiToken([property: Required] Guid? UserId, string? Name, int? ValidDays);
