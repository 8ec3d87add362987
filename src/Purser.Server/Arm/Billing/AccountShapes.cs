using System.Text.Json.Serialization;
using Purser.Engine.Accounts;

namespace Purser.Server.Arm.Billing;

/// <summary>BillingAccount and BillingProfile resources in the shapes of Microsoft.Billing 2020-05-01 (AZURE-WIRE.md).</summary>
public static class AccountShapes
{
    // Purser sells one plan; every profile has it enabled.
    private static readonly object[] AzurePlans = [new { skuId = "0001", skuDescription = "Microsoft Azure Plan" }];

    /// <param name="profiles">The expanded profiles, or null when <c>$expand</c> did not ask for them (then the property is absent).</param>
    public static object Account(BillingAccountRecord account, bool hasReadAccess, IReadOnlyList<object>? profiles)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new
        {
            id = ArmIds.Account(account.Name),
            name = account.Name,
            type = ArmIds.AccountType,
            properties = new AccountProperties(account.DisplayName, BillingValues.Address(account.SoldTo), account.AgreementType,
                account.AccountType, account.AccountStatus, hasReadAccess, profiles is null ? null : new Expansion(false, profiles)),
        };
    }

    public static object Profile(BillingProfileRecord profile, bool hasReadAccess)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new
        {
            id = ArmIds.Profile(profile.AccountName, profile.Name),
            name = profile.Name,
            type = ArmIds.ProfileType,
            properties = new
            {
                displayName = profile.DisplayName,
                poNumber = profile.PoNumber,
                billTo = BillingValues.Address(profile.BillTo),
                invoiceEmailOptIn = profile.InvoiceEmailOptIn,
                invoiceDay = profile.InvoiceDay,
                currency = profile.Currency,
                enabledAzurePlans = AzurePlans,
                invoiceSections = new Expansion(false, []),
                hasReadAccess,
                systemId = profile.Id.ToString("D"),
                status = profile.Status,
                spendingLimit = "Off",
                targetClouds = Array.Empty<string>(),
            },
        };
    }

    /// <summary>The <c>{hasMoreResults, value}</c> wrapper of an expanded list; the client mangles a bare array.</summary>
    private sealed record Expansion(bool HasMoreResults, IReadOnlyList<object> Value);

    private sealed record AccountProperties(string DisplayName, object SoldTo, string AgreementType, string AccountType, string AccountStatus,
        bool HasReadAccess, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Expansion? BillingProfiles);
}
