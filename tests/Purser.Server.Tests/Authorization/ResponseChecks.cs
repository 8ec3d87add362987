using System.Text.Json;

namespace Purser.Server.Tests.Authorization;

/// <summary>What every answer of the matrix must be besides its status: refusals in ARM's error shape, and no glimpse of what the caller may not read.</summary>
internal static class ResponseChecks
{
    /// <summary>Null when the body is <c>{"error":{"code":"…","message":"…"}}</c>; otherwise what is wrong with it.</summary>
    public static string? ArmError(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind != JsonValueKind.Object || !json.RootElement.TryGetProperty("error", out var error))
                return "no 'error' object";
            return NonEmpty(error, "code") && NonEmpty(error, "message") ? null : "'error' lacks a code or a message";
        }
        catch (JsonException)
        {
            return "not JSON";
        }
    }

    /// <summary>
    /// Null when a successful answer to a customer names nothing they may not read: another tenant's account,
    /// a profile outside their roles, or its invoice or subscriptions. The accounts list must show the caller's own account.
    /// </summary>
    public static string? Leak(AuthzWorld world, AuthzCaller caller, Access access, string body)
    {
        foreach (var target in world.Targets)
        {
            var hidden = new List<string>();
            if (!ExpectedAccess.MaySeeAccount(caller, target))
                hidden.Add(JsonSerializer.Serialize(target.AccountName));
            if (!ExpectedAccess.MaySeeProfile(caller, target))
                hidden.AddRange([target.ProfileName, JsonSerializer.Serialize(target.InvoiceName), target.SubscriptionId.ToString(), target.PrepaidSubscriptionId.ToString()]);
            if (hidden.FirstOrDefault(h => body.Contains(h, StringComparison.OrdinalIgnoreCase)) is { } seen)
                return $"shows {seen} of {target}, which the caller may not read";
        }
        var own = world.Targets.First(t => t.Tenant == caller.Tenant).AccountName;
        return access == Access.AnyCaller && !body.Contains(JsonSerializer.Serialize(own), StringComparison.Ordinal)
            ? "the accounts list does not show the caller's own account"
            : null;
    }

    private static bool NonEmpty(JsonElement error, string name) =>
        error.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0;
}
