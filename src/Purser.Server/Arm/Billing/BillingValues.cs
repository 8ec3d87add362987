using Purser.Engine.Accounts;

namespace Purser.Server.Arm.Billing;

/// <summary>The value shapes Microsoft.Billing resources share: amounts, dates and addresses.</summary>
public static class BillingValues
{
    /// <summary>A billing day as the instant it starts, in UTC (ISO 8601 with offset).</summary>
    public static DateTimeOffset Date(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public static object Address(PostalAddress a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new
        {
            addressLine1 = a.AddressLine1, addressLine2 = a.AddressLine2, city = a.City, region = a.Region,
            postalCode = a.PostalCode, country = a.Country, companyName = a.CompanyName,
        };
    }
}
