namespace Purser.Server.Hosting;

public sealed record ServerSettings(string ConnectionString, string Urls, bool LoadDemoWhenEmpty);
