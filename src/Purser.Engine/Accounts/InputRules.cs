using System.Net.Mail;
using Purser.Core;

namespace Purser.Engine.Accounts;

/// <summary>Field checks shared by every operator command; each refusal names its field.</summary>
public static class InputRules
{
    public const int MaxNameLength = 200;

    public static Refusal? Required(string? value, string field, int maxLength = MaxNameLength) =>
        string.IsNullOrWhiteSpace(value) ? new Refusal(RefusalCode.MissingField, $"'{field}' is required.", field)
        : value.Length > maxLength ? new Refusal(RefusalCode.InvalidField, $"'{field}' is longer than {maxLength} characters.", field)
        : null;

    public static Refusal? Optional(string? value, string field, int maxLength = MaxNameLength) =>
        value is not null && value.Length > maxLength
            ? new Refusal(RefusalCode.InvalidField, $"'{field}' is longer than {maxLength} characters.", field)
            : null;

    public static Refusal? OneOf(string? value, string field, IReadOnlyCollection<string> allowed) =>
        value is null ? new Refusal(RefusalCode.MissingField, $"'{field}' is required.", field)
        : allowed.Contains(value) ? null
        : new Refusal(RefusalCode.InvalidField, $"'{field}' must be one of: {string.Join(", ", allowed)}.", field);

    /// <summary>The member <paramref name="value"/> names exactly (no numbers, no other casing), or null.</summary>
    public static TEnum? Named<TEnum>(string? value) where TEnum : struct, Enum =>
        value is not null && Enum.GetNames<TEnum>().Contains(value, StringComparer.Ordinal) ? Enum.Parse<TEnum>(value) : null;

    /// <summary>An e-mail address as users are stored, found and signed in by: trimmed, in lower case.</summary>
    public static string NormalEmail(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Trim().ToLowerInvariant();
    }

    public static Refusal? Email(string? value, string field) =>
        Required(value, field, 254) ?? (MailAddress.TryCreate(value, out var parsed) && string.Equals(parsed.Address, value, StringComparison.Ordinal)
            ? null
            : new Refusal(RefusalCode.InvalidField, $"'{field}' is not a valid e-mail address.", field));

    public static Refusal? Currency(string? value, string field) =>
        value is null ? new Refusal(RefusalCode.MissingField, $"'{field}' is required.", field)
        : Core.Monetary.Currency.TryParse(value, out _) ? null
        : new Refusal(RefusalCode.InvalidField, $"'{field}' is not a supported ISO 4217 currency: '{value}'.", field);

    public static Refusal? First(params Refusal?[] checks) => checks.FirstOrDefault(c => c is not null);

    public static Refusal NotFound(string what, string field, object? value) =>
        new(RefusalCode.NotFound, $"{what} '{value}' does not exist.", field);
}
