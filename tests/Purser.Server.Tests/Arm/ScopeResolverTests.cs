using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Purser.Engine;
using Purser.Engine.Access;
using Purser.Testing;

namespace Purser.Server.Tests.Arm;

/// <summary>Scopes named in ARM paths are kept once found and asked again while not found (a profile made later is found).</summary>
public class ScopeResolverTests
{
    private static readonly DateTimeOffset Now = new(2024, 5, 10, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_name_not_found_is_asked_again_and_a_found_one_is_served_without_the_database(StorageEngine engine)
    {
        await using var api = await PurserApi.StartAsync(engine, Now);
        var fixture = await UsageFixture.CreateAsync(api);
        var resolver = api.Services.GetRequiredService<ScopeResolver>();
        var account = (await resolver.FindAccountAsync(fixture.AccountId, CancellationToken.None))!.AccountName;

        Assert.Null(await resolver.FindProfileAsync(account, "LATE-NAME", CancellationToken.None));
        await using (var db = api.Database.Store.CreateContext())
            await db.BillingProfiles.Where(p => p.Id == fixture.ProfileId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, "LATE-NAME"));
        var found = await resolver.FindProfileAsync(account, "LATE-NAME", CancellationToken.None);
        Assert.Equal(fixture.ProfileId, found?.ProfileId);

        await using (var db = api.Database.Store.CreateContext())
            await db.BillingProfiles.Where(p => p.Id == fixture.ProfileId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, "OTHER-NAME"));
        Assert.Equal(found, await resolver.FindProfileAsync(account, "LATE-NAME", CancellationToken.None));
    }
}
