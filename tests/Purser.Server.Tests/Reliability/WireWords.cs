namespace Purser.Server.Tests.Reliability;

/// <summary>
/// What an operator answer must never show: .NET type names in its messages, or the members of
/// internal types (Money, Currency) serialised as they are instead of as the documented wire shape.
/// </summary>
internal static class WireWords
{
    private static readonly string[] Leaks = ["Purser.", "System.", "minorUnitDigits", "isZero"];

    /// <summary>The leaked words the body holds, as one line; null when it holds none.</summary>
    public static string? LeaksIn(string body)
    {
        var found = Leaks.Where(l => body.Contains(l, StringComparison.Ordinal)).ToList();
        return found.Count == 0 ? null : $"the answer shows {string.Join(", ", found.Select(f => $"'{f}'"))}";
    }
}
