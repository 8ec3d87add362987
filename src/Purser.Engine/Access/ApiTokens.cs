using System.Security.Cryptography;
using System.Text;

namespace Purser.Engine.Access;

/// <summary>Bearer tokens: 32 random bytes shown once; only their SHA-256 is stored.</summary>
public static class ApiTokens
{
    private const string Prefix = "pst_";

    public static string NewToken() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
