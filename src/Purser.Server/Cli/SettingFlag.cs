using System.CommandLine;
using System.Globalization;

namespace Purser.Server.Cli;

/// <summary>
/// A flag that sets one configuration key. Flags are the top of the configuration stack, so a flag given
/// beats every file and variable, and a flag not given leaves the key to them.
/// </summary>
internal sealed class SettingFlag
{
    private readonly string _key;
    private readonly Func<ParseResult, string?> _value;

    private SettingFlag(Option option, string key, Func<ParseResult, string?> value)
    {
        Option = option;
        _key = key;
        _value = value;
    }

    public Option Option { get; }

    public static SettingFlag Text(string name, string key, string description)
    {
        var option = new Option<string>(name) { Description = $"{description} ({key})" };
        return new SettingFlag(option, key, parse => parse.GetValue(option));
    }

    /// <summary>A <c>--no-…</c> switch: given, it sets <paramref name="key"/> to false.</summary>
    public static SettingFlag Negation(string name, string key, string description)
    {
        var option = new Option<bool>(name) { Description = $"{description} ({key}=false)" };
        return new SettingFlag(option, key, parse => (!parse.GetValue(option)).ToString(CultureInfo.InvariantCulture));
    }

    public static IEnumerable<KeyValuePair<string, string?>> Given(ParseResult parse, IEnumerable<SettingFlag> flags) =>
        from flag in flags
        where parse.GetResult(flag.Option) is { Implicit: false }
        select KeyValuePair.Create(flag._key, flag._value(parse));
}
