using Purser.Engine;
using Purser.Testing;
using static Purser.Server.Tests.Arm.Billing.BillingTenant;

namespace Purser.Server.Tests.Arm.Billing;

public class BillingRoleAssignmentsEndpointsTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Role_assignments_are_listed_at_the_scope_they_are_held(StorageEngine engine)
    {
        await using var api = await StartApiAsync(engine);
        var tenant = await BuildAsync(api);
        using var owner = tenant.As("BillingAccountOwner");
        var accountId = $"/providers/Microsoft.Billing/billingAccounts/{tenant.AccountName}";

        var atAccount = await BillingJson.ValuesAsync(owner, $"{tenant.AccountPath}/billingRoleAssignments?{ApiVersion}");
        var accountHolders = AccountRoles.Append("AccountAdministrator").Select(r => tenant.Roles[r]).ToList();
        Assert.Equal(accountHolders.Select(p => p.UserId.ToString()).Order(StringComparer.Ordinal),
            atAccount.Select(a => a.Props().Str("principalId")).Order(StringComparer.Ordinal));
        var ownerAssignment = atAccount.Single(a => a.Props().Str("principalId") == tenant.Roles["BillingAccountOwner"].UserId.ToString());
        Assert.Equal($"{accountId}/billingRoleAssignments/{ownerAssignment.Str("name")}", ownerAssignment.Str("id"));
        Assert.Equal("Microsoft.Billing/billingAccounts/billingRoleAssignments", ownerAssignment.Str("type"));
        var p = ownerAssignment.Props();
        Assert.Equal(accountId, p.Str("scope"));
        Assert.Equal(tenant.Roles["BillingAccountOwner"].Email, p.Str("userEmailAddress"));
        Assert.Equal(tenant.AccountId.ToString(), p.Str("principalTenantId"));
        Assert.StartsWith($"{accountId}/billingRoleDefinitions/", p.Str("roleDefinitionId"), StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2019, 10, 10, 1, 0, 0, TimeSpan.Zero), p.GetProperty("createdOn").GetDateTimeOffset());
        Assert.Equal(4, atAccount.Select(a => a.Props().Str("roleDefinitionId")).Distinct(StringComparer.Ordinal).Count());

        using var invoiceManager = tenant.As("InvoiceManager");
        var profileId = $"{accountId}/billingProfiles/{tenant.Development.Name}";
        var atProfile = await BillingJson.ValuesAsync(invoiceManager, $"{tenant.ProfilePath(tenant.Development)}/billingRoleAssignments?{ApiVersion}");
        Assert.Equal(ProfileRoles.Select(r => tenant.Roles[r].UserId.ToString()).Order(StringComparer.Ordinal),
            atProfile.Select(a => a.Props().Str("principalId")).Order(StringComparer.Ordinal));
        Assert.All(atProfile, a => Assert.Equal(profileId, a.Props().Str("scope")));
        Assert.All(atProfile, a => Assert.StartsWith($"{profileId}/billingRoleAssignments/", a.Str("id"), StringComparison.Ordinal));
        Assert.All(atProfile, a => Assert.Equal("Microsoft.Billing/billingAccounts/billingProfiles/billingRoleAssignments", a.Str("type")));
        Assert.Empty(await BillingJson.ValuesAsync(owner, $"{tenant.ProfilePath(tenant.Operations)}/billingRoleAssignments?{ApiVersion}"));
    }
}
