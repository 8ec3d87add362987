using System.Reflection;
using System.Text;
using Purser.Engine.Invoicing;
using Purser.Engine.Usage;
using Purser.Server.Downloads;
using Purser.Testing;

namespace Purser.Server.Tests.Downloads;

/// <summary>
/// OWASP CSV injection: every CSV Purser writes, with a formula payload in every text field of its
/// rows, comes out with no cell a spreadsheet would run; numbers (negative ones too) stay numbers.
/// </summary>
public class CsvInjectionTests
{
    public static TheoryData<string> Payloads => new("=1+2", "+SUM(A1:A9)", "-2+3+cmd|' /C calc'!A0", "@SUM(1,2)", "\t=1+2", "\r=1+2", "=HYPERLINK(\"http://x\",\"y\")");

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task Usage_details_neutralise_every_text_column(string payload) =>
        await AssertNeutralisedAsync(Build<UsageDetailLine>(payload), UsageDetailsCsv.Header, UsageDetailsCsv.Fields, payload);

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task Billing_history_neutralises_every_text_column(string payload) =>
        await AssertNeutralisedAsync(Build<BillingHistoryLine>(payload), BillingHistoryCsv.Header, BillingHistoryCsv.Fields, payload);

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task Reconciliation_files_neutralise_every_text_column(string payload) =>
        await AssertNeutralisedAsync(Build<ReconciliationRow>(payload), ReconciliationCsv.Header, ReconciliationCsv.Fields, payload);

    [Theory]
    [InlineData("-165.00")]
    [InlineData("-0.5")]
    [InlineData("+12")]
    public void Signed_numbers_stay_numbers(string number) => Assert.Equal(number, CsvFields.Neutralised(number));

    private static async Task AssertNeutralisedAsync<T>(T row, IReadOnlyList<string> header, Func<T, IEnumerable<string?>> fields, string payload)
    {
        using var output = new MemoryStream();
        await CsvWriter.WriteAsync(output, header, Rows(row), fields, CancellationToken.None);
        var cells = CsvReading.Rows(Encoding.UTF8.GetString(output.ToArray()).TrimStart('\uFEFF'))[1];
        var carrying = cells.Where(c => c.Contains(payload.TrimStart('\t', '\r'), StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(carrying);
        Assert.All(cells, c => Assert.False(c.Length > 0 && c[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !decimal.TryParse(c, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out _),
            $"cell {c} would run as a formula"));
        Assert.Contains("'" + payload, cells);
    }

    private static async IAsyncEnumerable<T> Rows<T>(T row)
    {
        await Task.CompletedTask;
        yield return row;
    }

    /// <summary>A row whose every text field, nested ones included, holds the payload (tags too).</summary>
    private static T Build<T>(string payload) => (T)Build(typeof(T), payload);

    private static object Build(Type type, string payload)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        return constructor.Invoke([.. constructor.GetParameters().Select(p => Value(p, payload))]);
    }

    private static object? Value(ParameterInfo parameter, string payload)
    {
        var type = parameter.ParameterType;
        var underlying = Nullable.GetUnderlyingType(type);
        if (type == typeof(string))
            return payload;
        if (type == typeof(Guid))
            return Guid.NewGuid();
        if (type == typeof(decimal) || underlying == typeof(decimal))
            return -1.25m;
        if (type == typeof(DateOnly))
            return new DateOnly(2017, 8, 15);
        if (type == typeof(DateTimeOffset))
            return new DateTimeOffset(2017, 8, 15, 10, 0, 0, TimeSpan.Zero);
        if (type == typeof(bool))
            return true;
        if (type.IsEnum)
            return Enum.GetValues(type).GetValue(0);
        if (underlying is { IsEnum: true })
            return null;
        if (type == typeof(IReadOnlyDictionary<string, string>))
            return new Dictionary<string, string> { ["team"] = payload };
        return Build(type, payload);
    }
}
