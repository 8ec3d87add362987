using System.CommandLine;
using Purser.Engine;

namespace Purser.Server.Cli;

/// <summary>Where the database is: <c>--database</c>, else <c>PURSER_DATABASE</c>, else a SQLite file in the data folder.</summary>
internal static class StoreOptions
{
    public static readonly Option<string?> Database = new("--database")
    {
        Description = "PostgreSQL connection string (Host=…;Database=…) or SQLite connection string. Default: $PURSER_DATABASE, else a SQLite file in the data folder.",
    };

    public static readonly Option<string> DataDir = new("--data-dir")
    {
        Description = "Folder for the embedded database and the e-mail outbox. Default: $PURSER_DATA, else ./data.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("PURSER_DATA") is { Length: > 0 } d ? d : "data",
    };

    public static void AddTo(Command command)
    {
        command.Options.Add(Database);
        command.Options.Add(DataDir);
    }

    public static string ConnectionString(ParseResult parse)
    {
        var configured = parse.GetValue(Database) ?? Environment.GetEnvironmentVariable("PURSER_DATABASE");
        if (!string.IsNullOrWhiteSpace(configured))
            return configured;
        var dir = Path.GetFullPath(parse.GetValue(DataDir)!);
        Directory.CreateDirectory(dir);
        return PurserStore.SqliteFile(Path.Combine(dir, "purser.db"));
    }

    public static string Describe(string connectionString) =>
        PurserStore.DetectEngine(connectionString) == StorageEngine.Postgres
            ? "PostgreSQL"
            : $"SQLite ({new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource})";
}
