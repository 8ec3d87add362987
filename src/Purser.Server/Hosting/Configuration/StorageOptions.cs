using System.ComponentModel.DataAnnotations;
using Purser.Engine;

namespace Purser.Server.Hosting.Configuration;

/// <summary><c>Purser:Storage</c>: the database, else a SQLite file in the data folder, which also holds the e-mail outbox.</summary>
public sealed class StorageOptions : IPurserOptions
{
    public static string Section => "Purser:Storage";

    /// <summary>A PostgreSQL (<c>Host=…</c>) or SQLite connection string; empty for the SQLite file in <see cref="DataDirectory"/>.</summary>
    public string? Database { get; set; }

    [Required(AllowEmptyStrings = false, ErrorMessage = "must name a folder")]
    public string DataDirectory { get; set; } = "data";

    public string OutboxDirectory => Path.Combine(Path.GetFullPath(DataDirectory), "outbox");

    /// <summary>The configured database, or the data folder's SQLite file (the folder made if missing).</summary>
    public string ConnectionString()
    {
        if (!string.IsNullOrWhiteSpace(Database))
        {
            Read(Database);
            return Database;
        }
        var dir = Path.GetFullPath(DataDirectory);
        try
        {
            Directory.CreateDirectory(dir);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"{Section}:{nameof(DataDirectory)} '{dir}' cannot be created: {ex.Message}");
        }
        return PurserStore.SqliteFile(Path.Combine(dir, "purser.db"));
    }

    // The drivers' own parsers, so what passes here is what they accept; their messages name the keyword, never the value
    // (a password may be in it).
    private static void Read(string connectionString)
    {
        var engine = PurserStore.DetectEngine(connectionString);
        try
        {
            _ = engine == StorageEngine.Sqlite
                ? new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).ToString()
                : new Npgsql.NpgsqlConnectionStringBuilder(connectionString).ToString();
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            var why = ex is KeyNotFoundException ? "it is not keyword=value pairs separated by ';'" : ex.Message;
            throw new StartupException($"{Section}:{nameof(Database)} is not a valid {(engine == StorageEngine.Sqlite ? "SQLite" : "PostgreSQL")} connection string: {why}");
        }
    }

    /// <summary>Names a database for messages without its credentials: the engine, and the file or the host and database.</summary>
    public static string Describe(string connectionString)
    {
        if (PurserStore.DetectEngine(connectionString) == StorageEngine.Sqlite)
            return $"SQLite ({new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource})";
        var pg = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        return $"PostgreSQL ({pg.Host}:{pg.Port}/{pg.Database})";
    }
}
