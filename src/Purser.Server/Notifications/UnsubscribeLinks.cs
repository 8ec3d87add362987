using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Purser.Engine.Notifications;

namespace Purser.Server.Notifications;

/// <summary>
/// The unsubscribe links of optional notices (<see cref="OptionalNotices"/>): a token that is the recipient's address
/// protected with the data-protection keys every server shares, so any server can honour a link another wrote, and
/// nobody can make one for an address they were not sent.
/// </summary>
public sealed class UnsubscribeLinks(IDataProtectionProvider keys, Uri publicUrl)
{
    public const string PagePath = "/portal/unsubscribe";
    public const string OneClickPath = "/portal/one-click-unsubscribe";

    private readonly IDataProtector _protector = keys.CreateProtector("Purser.Notices.Unsubscribe.v1");

    /// <summary>
    /// Both addresses of one letter, under one token: the page that asks before it unsubscribes (the link in the mail's
    /// words) and the RFC 8058 one-click address of the List-Unsubscribe header, which a mail program posts to.
    /// </summary>
    public (Uri Page, Uri OneClick) For(string email)
    {
        var token = _protector.Protect(email);
        return (new Uri(publicUrl, $"{PagePath}/{token}"), new Uri(publicUrl, $"{OneClickPath}/{token}"));
    }

    /// <summary>The address a token was made for; null for a token that is not one of ours.</summary>
    public string? EmailOf(string token)
    {
        try
        {
            return _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>Where a server that listens on <paramref name="urls"/> is reached when no public address is configured.</summary>
    public static Uri Default(string urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        var first = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
        // A wildcard host listens everywhere; a person on this machine reaches it as localhost.
        var host = first.Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal);
        return new Uri(host);
    }
}
