using System.Net;
using System.Text.Json;
using Purser.Server.Tests.Operator;

namespace Purser.Server.Tests.Arm.Billing;

/// <summary>Reading Microsoft.Billing answers in tests.</summary>
internal static class BillingJson
{
    public static async Task<JsonElement> GetAsync(HttpClient http, string path, HttpStatusCode expected = HttpStatusCode.OK) =>
        await AccountsApiTests.ReadAsync(await http.GetAsync(path), expected);

    public static async Task<List<JsonElement>> ValuesAsync(HttpClient http, string path) =>
        (await GetAsync(http, path)).GetProperty("value").EnumerateArray().ToList();

    public static JsonElement Props(this JsonElement resource) => resource.GetProperty("properties");

    public static string Str(this JsonElement e, string name) => e.GetProperty(name).GetString()!;

    public static decimal Value(this JsonElement e, string amount) => e.GetProperty(amount).GetProperty("value").GetDecimal();

    public static decimal[] Values(this JsonElement e, params string[] amounts) => [.. amounts.Select(a => e.Value(a))];

    public static string[] Strs(this JsonElement e, params string[] names) => [.. names.Select(n => e.Str(n))];

    public static string ErrorCode(this JsonElement e) => e.GetProperty("error").GetProperty("code").GetString()!;

    public static IEnumerable<string> Names(this IEnumerable<JsonElement> resources) => resources.Select(r => r.Str("name"));
}
