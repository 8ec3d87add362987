using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Purser.Engine;

namespace Purser.Server.Tests.Reliability;

/// <summary>
/// Every row of every table of the model, each as one line of text: two snapshots differ when a row
/// was added, removed or changed in any table, so "nothing was written" and "exactly one effect" are checked everywhere at once.
/// </summary>
internal sealed class DbSnapshot
{
    private readonly SortedDictionary<string, string[]> _tables;

    private DbSnapshot(SortedDictionary<string, string[]> tables) => _tables = tables;

    public IReadOnlyCollection<string> TableNames => _tables.Keys;

    public int Rows(string table) => _tables[table].Length;

    public static async Task<DbSnapshot> TakeAsync(PurserStore store, CancellationToken ct = default)
    {
        await using var db = store.CreateContext();
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().ToList();
        var snapshot = new SortedDictionary<string, string[]>(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            foreach (var table in tables)
                snapshot[table] = await ReadRowsAsync(connection, table, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return new DbSnapshot(snapshot);
    }

    /// <summary>What changed from <paramref name="before"/> to this snapshot, one table a line; empty when nothing did.</summary>
    public string ChangesSince(DbSnapshot before)
    {
        var lines = new List<string>();
        foreach (var (table, rows) in _tables)
        {
            var old = before._tables.GetValueOrDefault(table) ?? [];
            if (old.Length != rows.Length)
                lines.Add($"{table}: {old.Length} → {rows.Length} rows");
            else if (!old.SequenceEqual(rows, StringComparer.Ordinal))
                lines.Add($"{table}: rows changed ({rows.Length} rows)");
        }
        return string.Join("; ", lines);
    }

    /// <summary>Whether some column of some row holds exactly <paramref name="value"/>.</summary>
    public bool HoldsValue(string value) =>
        _tables.Values.SelectMany(rows => rows).Any(row => row.Split(Separator).Contains(value, StringComparer.Ordinal));

    /// <summary>Whether some column of some row contains <paramref name="text"/> anywhere, JSON bodies included.</summary>
    public bool Mentions(string text) =>
        _tables.Values.SelectMany(rows => rows).Any(row => row.Contains(text, StringComparison.Ordinal));

    private const char Separator = '\u001f';

    private static async Task<string[]> ReadRowsAsync(DbConnection connection, string table, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Table names come from the EF model, not from input.
        command.CommandText = $"SELECT * FROM \"{table}\"";
#pragma warning restore CA2100
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<string>();
        var row = new StringBuilder();
        while (await reader.ReadAsync(ct))
        {
            row.Clear();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                if (i > 0)
                    row.Append(Separator);
                row.Append(Format(reader.IsDBNull(i) ? null : reader.GetValue(i)));
            }
            rows.Add(row.ToString());
        }
        rows.Sort(StringComparer.Ordinal);
        return [.. rows];
    }

    private static string Format(object? value) => value switch
    {
        null => "∅",
        byte[] bytes => Convert.ToBase64String(bytes),
        DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
