using System.Reflection;

namespace Purser.Core.Tests;

public class RefusalCodeTests
{
    // The statuses an ARM error body is sent with: client errors, the server's own failure and its database's outage.
    private static readonly int[] ErrorStatuses = [400, 401, 403, 404, 405, 409, 412, 413, 415, 422, 500, 503];

    private static IReadOnlyList<(string Member, RefusalCode Code)> Catalog() =>
        [.. typeof(RefusalCode).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(RefusalCode))
            .Select(f => (f.Name, (RefusalCode)f.GetValue(null)!))];

    [Fact]
    public void No_two_members_share_a_code()
    {
        var codes = Catalog().Select(c => c.Code.Code).ToList();

        Assert.NotEmpty(codes);
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Every_code_is_the_name_of_its_member()
    {
        Assert.All(Catalog(), c => Assert.Equal(c.Member, c.Code.Code));
    }

    [Fact]
    public void Every_code_is_answered_with_an_error_status()
    {
        Assert.All(Catalog(), c => Assert.True(ErrorStatuses.Contains(c.Code.Status), $"{c.Code} is answered with {c.Code.Status}"));
    }
}
