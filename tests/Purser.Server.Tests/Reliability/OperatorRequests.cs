using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Purser.Server.Tests.Reliability;

/// <summary>A sent request's answer, read once: status, body text, and whether it was a replay.</summary>
internal sealed record OperatorReply(int Status, string Body, string? Replayed, string? ContentType)
{
    /// <summary>The ARM error object, or null when the body is not <c>{"error":{"code","message",...}}</c> with both strings set.</summary>
    public JsonElement? ArmError()
    {
        try
        {
            using var doc = JsonDocument.Parse(Body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("code", out var code) && !string.IsNullOrEmpty(code.GetString())
                && error.TryGetProperty("message", out var message) && !string.IsNullOrEmpty(message.GetString()))
                return error.Clone();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Whether the error names <paramref name="field"/>: as its target, a detail's target, or quoted or as a JSON path in its message.</summary>
    public static bool Names(JsonElement error, string field)
    {
        // A target inside the field (a tag's value, an event of a list) names it too.
        bool IsField(JsonElement e) => e.TryGetProperty("target", out var t) && t.GetString() is { } target
            && (string.Equals(target, field, StringComparison.OrdinalIgnoreCase)
                || target.StartsWith(field + ".", StringComparison.OrdinalIgnoreCase) || target.StartsWith(field + "[", StringComparison.OrdinalIgnoreCase));
        var message = error.GetProperty("message").GetString()!;
        return IsField(error)
            || (error.TryGetProperty("details", out var details) && details.EnumerateArray().Any(IsField))
            || message.Contains($"'{field}'", StringComparison.Ordinal)
            || message.Contains($"$.{field}", StringComparison.Ordinal);
    }
}

/// <summary>Sends operator calls with exact control of body, content type and Idempotency-Key.</summary>
internal static class OperatorRequests
{
    public static async Task<OperatorReply> SendAsync(HttpClient http, HttpMethod method, string path, string? body, string? contentType, string? idempotencyKey)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = contentType is null ? null : new MediaTypeHeaderValue(contentType) { CharSet = "utf-8" };
        }
        if (idempotencyKey is not null)
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var replayed = response.Headers.TryGetValues("Idempotent-Replayed", out var values) ? string.Join(",", values) : null;
        return new OperatorReply((int)response.StatusCode, text, replayed, response.Content.Headers.ContentType?.MediaType);
    }
}
