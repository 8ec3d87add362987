using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Purser.Engine.Webhooks;

/// <summary>
/// How a delivery proves it came from Purser: <c>Purser-Signature: v1={hex}</c>, the HMAC-SHA256 under the endpoint's
/// secret of <c>{Purser-Timestamp}.{body}</c>. Signing the timestamp with the body lets a receiver refuse an old
/// request replayed by someone who captured it.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "Purser-Signature";
    public const string TimestampHeader = "Purser-Timestamp";
    public const string EventIdHeader = "Purser-Event-Id";
    public const string EventTypeHeader = "Purser-Event-Type";

    public static string Sign(string secret, long unixSeconds, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(body);
        var signed = Encoding.UTF8.GetBytes(unixSeconds.ToString(CultureInfo.InvariantCulture) + "." + body);
        return "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    /// <summary>A fresh secret: 32 random bytes, URL-safe base64, with a prefix that says what it is when found in a config file.</summary>
    public static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
