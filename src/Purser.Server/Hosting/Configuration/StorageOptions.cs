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
            return Database;
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

    /// <summary>Names a database for messages without its credentials: the engine, and the file or the host and database.</summary>
    public static string Describe(string connectionString)
    {
        if (PurserStore.DetectEngine(connectionString) == StorageEngine.Sqlite)
            return $"SQLite ({new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource})";
        var pg = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        return $"PostgreSQL ({pg.Host}:{pg.Port}/{pg.Database})";
    }
}
