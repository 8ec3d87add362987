using System.Net;
using System.Text.Json;
using Purser.Engine;
using Purser.Testing;
using static Purser.Server.Tests.Arm.Billing.BillingTenant;

namespace Purser.Server.Tests.Arm.Billing;

public class BillingAccountsEndpointsTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Accounts_list_shows_the_accounts_a_caller_can_see_with_sold_to_and_read_access(StorageEngine engine)
    {
        await using var api = await StartApiAsync(engine);
        var tenant = await BuildAsync(api);
        using var op = api.Operator();

        var all = await BillingJson.ValuesAsync(op, $"/providers/Microsoft.Billing/billingAccounts?{ApiVersion}");
        Assert.Equal(new[] { tenant.AccountName, tenant.StrangerAccountName }.Order(StringComparer.Ordinal), all.Names().Order(StringComparer.Ordinal));
        var contoso = all.Single(a => a.Str("name") == tenant.AccountName);
        Assert.Equal($"/providers/Microsoft.Billing/billingAccounts/{tenant.AccountName}", contoso.Str("id"));
        Assert.Equal("Microsoft.Billing/billingAccounts", contoso.Str("type"));
        var p = contoso.Props();
        Assert.Equal("Contoso", p.Str("displayName"));
        Assert.Equal("MicrosoftCustomerAgreement", p.Str("agreementType"));
        Assert.Equal("Enterprise", p.Str("accountType"));
        Assert.Equal("Active", p.Str("accountStatus"));
        Assert.True(p.GetProperty("hasReadAccess").GetBoolean());
        Assert.False(p.TryGetProperty("billingProfiles", out _), "billingProfiles is only there when expanded");
        var soldTo = p.GetProperty("soldTo");
        Assert.Equal(["1 Microsoft Way", "Redmond", "WA", "98052", "US", "Contoso Ltd"],
            soldTo.Strs("addressLine1", "city", "region", "postalCode", "country", "companyName"));

        foreach (var (role, readAccess) in new[] { ("BillingAccountReader", true), ("BillingProfileReader", false), ("AccountAdministrator", false), (NoRole, false) })
        {
            using var user = tenant.As(role);
            var seen = Assert.Single(await BillingJson.ValuesAsync(user, $"/providers/Microsoft.Billing/billingAccounts?{ApiVersion}"));
            Assert.Equal(tenant.AccountName, seen.Str("name"));
            Assert.Equal(readAccess, seen.Props().GetProperty("hasReadAccess").GetBoolean());
            var single = await BillingJson.GetAsync(user, $"{tenant.AccountPath}?{ApiVersion}");
            Assert.Equal(readAccess, single.Props().GetProperty("hasReadAccess").GetBoolean());
        }
        using var stranger = tenant.As(Stranger);
        Assert.Equal([tenant.StrangerAccountName], (await BillingJson.ValuesAsync(stranger, $"/providers/Microsoft.Billing/billingAccounts?{ApiVersion}")).Names());
        Assert.Equal("NotFound", (await BillingJson.GetAsync(stranger, $"{tenant.AccountPath}?{ApiVersion}", HttpStatusCode.NotFound)).ErrorCode());
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Expanding_billing_profiles_wraps_the_readable_profiles_in_hasMoreResults_and_value(StorageEngine engine)
    {
        await using var api = await StartApiAsync(engine);
        var tenant = await BuildAsync(api);
        using var op = api.Operator();

        var listed = (await BillingJson.ValuesAsync(op, $"/providers/Microsoft.Billing/billingAccounts?$expand=billingProfiles&{ApiVersion}"))
            .Single(a => a.Str("name") == tenant.AccountName);
        var expanded = listed.Props().GetProperty("billingProfiles");
        Assert.Equal(JsonValueKind.Object, expanded.ValueKind);
        Assert.False(expanded.GetProperty("hasMoreResults").GetBoolean());
        var profiles = expanded.GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(new[] { tenant.Development.Name, tenant.Operations.Name }.Order(StringComparer.Ordinal), profiles.Names());
        Assert.All(profiles, pr => Assert.Equal($"/providers/Microsoft.Billing/billingAccounts/{tenant.AccountName}/billingProfiles/{pr.Str("name")}", pr.Str("id")));
        Assert.All(profiles, pr => Assert.Equal("Microsoft.Billing/billingAccounts/billingProfiles", pr.Str("type")));
        Assert.Contains(profiles, pr => pr.Props().Str("displayName") == "Operations" && pr.Props().Str("currency") == "CNY");

        using var reader = tenant.As("BillingProfileReader");
        var own = await BillingJson.GetAsync(reader, $"{tenant.AccountPath}?$expand=billingProfiles&{ApiVersion}");
        Assert.Equal([tenant.Development.Name], own.Props().GetProperty("billingProfiles").GetProperty("value").EnumerateArray().Names());

        using var administrator = tenant.As("AccountAdministrator");
        var none = await BillingJson.GetAsync(administrator, $"{tenant.AccountPath}?$expand=billingProfiles&{ApiVersion}");
        Assert.Empty(none.Props().GetProperty("billingProfiles").GetProperty("value").EnumerateArray());
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Billing_profiles_are_listed_and_read_with_their_properties(StorageEngine engine)
    {
        await using var api = await StartApiAsync(engine);
        var tenant = await BuildAsync(api);
        using var reader = tenant.As("BillingAccountReader");

        var listed = await BillingJson.ValuesAsync(reader, $"{tenant.AccountPath}/billingProfiles?{ApiVersion}");
        Assert.Equal(new[] { tenant.Development.Name, tenant.Operations.Name }.Order(StringComparer.Ordinal), listed.Names());

        var dev = await BillingJson.GetAsync(reader, $"{tenant.ProfilePath(tenant.Development)}?{ApiVersion}");
        Assert.Equal($"/providers/Microsoft.Billing/billingAccounts/{tenant.AccountName}/billingProfiles/{tenant.Development.Name}", dev.Str("id"));
        Assert.Equal("Microsoft.Billing/billingAccounts/billingProfiles", dev.Str("type"));
        var p = dev.Props();
        Assert.Equal("Development", p.Str("displayName"));
        Assert.Equal("PO-4711", p.Str("poNumber"));
        Assert.Equal("USD", p.Str("currency"));
        Assert.Equal(5, p.GetProperty("invoiceDay").GetInt32());
        Assert.True(p.GetProperty("invoiceEmailOptIn").GetBoolean());
        Assert.True(p.GetProperty("hasReadAccess").GetBoolean());
        Assert.Equal(tenant.Development.Id.ToString(), p.Str("systemId"));
        Assert.Equal("Active", p.Str("status"));
        Assert.Equal("1 Microsoft Way", p.GetProperty("billTo").Str("addressLine1"));
        Assert.Equal("US", p.GetProperty("billTo").Str("country"));
        Assert.False(p.GetProperty("invoiceSections").GetProperty("hasMoreResults").GetBoolean());
        Assert.Equal(JsonValueKind.Array, p.GetProperty("invoiceSections").GetProperty("value").ValueKind);
        Assert.NotEmpty(p.GetProperty("enabledAzurePlans").EnumerateArray());
        Assert.Equal(JsonValueKind.Array, p.GetProperty("targetClouds").ValueKind);
        Assert.False(string.IsNullOrEmpty(p.Str("spendingLimit")));

        var ops = await BillingJson.GetAsync(reader, $"{tenant.ProfilePath(tenant.Operations)}?{ApiVersion}");
        Assert.False(ops.Props().GetProperty("invoiceEmailOptIn").GetBoolean());
        Assert.Equal(1, ops.Props().GetProperty("invoiceDay").GetInt32());

        using var profileReader = tenant.As("BillingProfileReader");
        Assert.Equal([tenant.Development.Name], (await BillingJson.ValuesAsync(profileReader, $"{tenant.AccountPath}/billingProfiles?{ApiVersion}")).Names());
        Assert.Equal(HttpStatusCode.Forbidden, (await profileReader.GetAsync($"{tenant.ProfilePath(tenant.Operations)}?{ApiVersion}")).StatusCode);
        Assert.Equal("NotFound", (await BillingJson.GetAsync(reader, $"{tenant.AccountPath}/billingProfiles/NOPE-NOPE-NOP-NOP?{ApiVersion}", HttpStatusCode.NotFound)).ErrorCode());
    }
}
