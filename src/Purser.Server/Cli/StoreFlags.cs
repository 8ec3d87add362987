using System.CommandLine;
using Purser.Server.Hosting.Configuration;

namespace Purser.Server.Cli;

/// <summary>Where the database is, for every verb: <c>--database</c> and <c>--data-dir</c> over <c>Purser:Storage</c>'s other sources.</summary>
internal static class StoreFlags
{
    private static readonly string Key = StorageOptions.Section + ":";

    public static IReadOnlyList<SettingFlag> All { get; } =
    [
        SettingFlag.Text("--database", Key + nameof(StorageOptions.Database),
            "PostgreSQL connection string (Host=…;Database=…) or SQLite connection string. Default: a SQLite file in the data folder"),
        SettingFlag.Text("--data-dir", Key + nameof(StorageOptions.DataDirectory),
            "Folder for the embedded database and the e-mail outbox. Default: ./data"),
    ];

    public static void AddTo(Command command)
    {
        foreach (var flag in All)
            command.Options.Add(flag.Option);
    }

    public static string ConnectionString(ParseResult parse) =>
        PurserOptions.Read<StorageOptions>(PurserConfiguration.Create(SettingFlag.Given(parse, All))).ConnectionString();
}
