using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Purser.Server.Hosting.Configuration;

/// <summary>
/// Binds and checks one options section at start. The first bad setting stops Purser with one line
/// that names it by its configuration key, whichever source (file, variable, flag) it came from.
/// </summary>
public static class PurserOptions
{
    public static T Read<T>(IConfiguration configuration) where T : class, IPurserOptions, new()
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(T.Section);
        // Checked before binding, whose own error is a paragraph about types rather than the setting.
        foreach (var property in typeof(T).GetProperties().Where(p => p.CanWrite))
        {
            if (section[property.Name] is { } text && !Converts(property.PropertyType, text))
                throw new StartupException($"{T.Section}:{property.Name} must be {Expected(property.PropertyType)} (got '{text}')");
        }
        var options = section.Get<T>() ?? new T();
        var problems = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), problems, validateAllProperties: true))
        {
            var problem = problems[0];
            var member = problem.MemberNames.First();
            var value = typeof(T).GetProperty(member)!.GetValue(options);
            throw new StartupException($"{T.Section}:{member} {problem.ErrorMessage} (got {Shown(value)})");
        }
        return options;
    }

    private static bool Converts(Type type, string text)
    {
        try
        {
            TypeDescriptor.GetConverter(type).ConvertFromInvariantString(text);
            return true;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or NotSupportedException or OverflowException)
        {
            return false;
        }
    }

    private static string Expected(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t.IsEnum)
            return "one of " + string.Join(", ", Enum.GetNames(t));
        if (t == typeof(bool))
            return "true or false";
        return t == typeof(int) ? "a whole number" : "a " + t.Name;
    }

    private static string Shown(object? value) => value switch
    {
        null => "nothing",
        string s => $"'{s}'",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
