using System.Globalization;
using System.Security.Cryptography;

namespace Purser.Engine.Accounts;

/// <summary>Resource names in Azure's formats, so ids look and parse the way ARM clients expect.</summary>
public static class ArmNames
{
    // Letters and digits that cannot be misread for each other (no 0/O, 1/I).
    private const string ProfileAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>A billing account name: <c>{guid}:{guid}_{yyyy-MM-dd}</c>.</summary>
    public static string BillingAccount(Guid accountId, Guid agreementId, DateOnly agreementDate) =>
        string.Create(CultureInfo.InvariantCulture, $"{accountId:D}:{agreementId:D}_{agreementDate:yyyy-MM-dd}");

    /// <summary>A billing profile name: <c>XXXX-XXXX-XXX-XXX</c>, derived from the profile id so it is stable.</summary>
    public static string BillingProfile(Guid profileId)
    {
        var bytes = SHA256.HashData(profileId.ToByteArray());
        Span<char> chars = stackalloc char[17];
        var b = 0;
        for (var i = 0; i < chars.Length; i++)
            chars[i] = i is 4 or 9 or 13 ? '-' : ProfileAlphabet[bytes[b++] % ProfileAlphabet.Length];
        return new string(chars);
    }

    /// <summary>An order id as shown in the portal next to the subscription id (R-IDS).</summary>
    public static string OrderId(Guid subscriptionId) =>
        "ORD-" + Convert.ToHexString(SHA256.HashData(subscriptionId.ToByteArray()).AsSpan(0, 6));

    /// <summary>A stable id from a name, so demo and fixture data keep the same ids on every load.</summary>
    public static Guid StableId(string name)
    {
        var hash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name));
        return new Guid(hash.AsSpan(0, 16));
    }
}
