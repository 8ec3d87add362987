using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Purser.Core;
using Purser.Core.Lifecycle;
using Purser.Engine;
using Purser.Engine.Access;
using Purser.Engine.Subscriptions;
using Purser.Testing;

namespace Purser.Server.Tests.Operator;

/// <summary>
/// R-ENT through <see cref="SubscriptionCancellation"/>: in the portal only an enterprise account administrator cancels,
/// and only an Enterprise subscription; the cancellation is stored, announced in the outbox and read back by the API.
/// </summary>
public class SubscriptionCancellationTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task An_enterprise_account_administrator_cancels_an_enterprise_subscription_in_the_portal_and_nothing_else(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine);
        using var op = api.Operator();
        var (enterprise, enterpriseAdmin) = await AccountAsync(op, "EnterpriseAgreement");
        var (other, otherAdmin) = await AccountAsync(op, "MicrosoftCustomerAgreement");
        var agreement = await SubscriptionAsync(op, enterprise.Profile, "Enterprise");
        var prepaid = await SubscriptionAsync(op, enterprise.Profile, "StandardPrepaid");
        var elsewhere = await SubscriptionAsync(op, other.Profile, "Enterprise");
        var callers = api.Services.GetRequiredService<CallerDirectory>();
        var admin = (await callers.FindByUserAsync(enterpriseAdmin, default))!;
        var plainAdmin = (await callers.FindByUserAsync(otherAdmin, default))!;
        Assert.Equal(CancellingRole.EnterpriseAccountAdministrator, SubscriptionCancellation.PortalRole(admin, enterprise.Account, "EnterpriseAgreement"));
        Assert.Equal(CancellingRole.AccountAdministrator, SubscriptionCancellation.PortalRole(plainAdmin, other.Account, "MicrosoftCustomerAgreement"));
        Assert.Null(SubscriptionCancellation.PortalRole(plainAdmin, enterprise.Account, "EnterpriseAgreement"));

        var cancellation = api.Services.GetRequiredService<SubscriptionCancellation>();
        var portal = new CancellationRequest(CancellingRole.EnterpriseAccountAdministrator, CancellationChannel.Portal);
        Assert.Equal(RefusalCode.PrepaidNotCancellable, (await cancellation.CancelAsync(prepaid, portal, default)).Refusal!.Code);
        Assert.Equal(RefusalCode.NotEnterpriseAdministrator, (await cancellation.CancelAsync(elsewhere,
            new CancellationRequest(CancellingRole.AccountAdministrator, CancellationChannel.Portal), default)).Refusal!.Code);

        var cancelled = await cancellation.CancelAsync(agreement, portal, default);
        Assert.Equal(SubscriptionState.Cancelled, cancelled.Value.State);
        var read = await AccountsApiTests.ReadAsync(await op.GetAsync($"/ops/subscriptions/{agreement}"), HttpStatusCode.OK);
        Assert.Equal("Cancelled", read.GetProperty("state").GetString());
        Assert.Equal(RefusalCode.SubscriptionCancelled, (await cancellation.CancelAsync(agreement, portal, default)).Refusal!.Code);
        await using (var db = api.Database.Store.CreateContext())
        {
            var row = await db.Subscriptions.AsNoTracking().FirstAsync(s => s.Id == agreement);
            Assert.Equal(api.Clock.GetUtcNow().UtcDateTime, row.EndedAt);
            Assert.Single(await db.Outbox.AsNoTracking().Where(m => m.Kind == "SubscriptionCancelled" && m.Recipient == agreement.ToString()).ToListAsync());
            Assert.Equal(SubscriptionState.Active, (await db.Subscriptions.AsNoTracking().FirstAsync(s => s.Id == prepaid)).State);
        }
        var entitlement = await AccountsApiTests.ReadAsync(await op.GetAsync($"/ops/subscriptions/{agreement}/entitlement"), HttpStatusCode.OK);
        Assert.False(entitlement.GetProperty("entitled").GetBoolean());
        Assert.Equal(RefusalCode.NotFound, (await cancellation.CancelAsync(Guid.NewGuid(), portal, default)).Refusal!.Code);
    }

    private static async Task<((Guid Account, Guid Profile), Guid Admin)> AccountAsync(HttpClient op, string agreement)
    {
        var account = (await PurserApi.CreatedAsync(op, "/ops/billingAccounts", new
        {
            displayName = agreement, agreementType = agreement, accountType = "Enterprise", soldTo = new { addressLine1 = "1 Road", country = "CN" },
        })).GetProperty("id").GetGuid();
        var profile = (await PurserApi.CreatedAsync(op, "/ops/billingProfiles", new { billingAccountId = account, displayName = "HQ", currency = "CNY" })).GetProperty("id").GetGuid();
        var admin = (await PurserApi.CreatedAsync(op, "/ops/users", new { billingAccountId = account, email = $"admin@{agreement.ToLowerInvariant()}.test" })).GetProperty("id").GetGuid();
        await PurserApi.CreatedAsync(op, "/ops/roleAssignments", new { userId = admin, role = BillingRole.AccountAdministrator, scopeId = account });
        return ((account, profile), admin);
    }

    private static async Task<Guid> SubscriptionAsync(HttpClient op, Guid profile, string offer) =>
        (await PurserApi.CreatedAsync(op, "/ops/subscriptions", new { billingProfileId = profile, displayName = offer, offerType = offer })).GetProperty("id").GetGuid();
}
