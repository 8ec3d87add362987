using Purser.Server.Hosting;

namespace Purser.Server.Arm;

/// <summary>An amount as both resource providers spell it: <c>{"currency","value"}</c>.</summary>
public static class ArmAmount
{
    public static object Of(string currency, decimal value) => new { currency, value = StoredDecimal.Plain(value) };
}
