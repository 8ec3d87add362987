using Purser.Engine.Accounts;

namespace Purser.Server.Arm.Billing;

/// <summary>The value shapes Microsoft.Billing resources share beside amounts (<see cref="ArmAmount"/>) and days (<see cref="ArmDate"/>): addresses.</summary>
public static class BillingValues
{
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
