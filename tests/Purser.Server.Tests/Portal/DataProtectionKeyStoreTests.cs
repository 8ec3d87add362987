using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Purser.Engine;
using Purser.Engine.Access;
using Purser.Testing;

namespace Purser.Server.Tests.Portal;

/// <summary>The portal's data-protection key ring lives in the database on both engines, whole keys and all.</summary>
public class DataProtectionKeyStoreTests
{
    private static readonly DateTimeOffset Now = new(2024, 5, 10, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task A_key_the_server_makes_is_stored_whole_and_a_second_server_reads_what_the_first_protected(StorageEngine engine)
    {
        await using var first = await PurserApi.StartAsync(engine, Now);
        var sealedText = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("portal-test").Protect("purser");

        var keys = first.Services.GetRequiredService<DataProtectionKeyStore>().All();
        var key = Assert.Single(keys);
        Assert.StartsWith("<key ", key, StringComparison.Ordinal);
        Assert.True(key.Length > 400, $"a real key element is longer than the default text column; this one has {key.Length} characters");

        await using var second = await PurserApi.StartOnAsync(first.Database, Now);
        Assert.Equal("purser", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("portal-test").Unprotect(sealedText));
    }
}
