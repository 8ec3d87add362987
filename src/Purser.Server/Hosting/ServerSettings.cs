namespace Purser.Server.Hosting;

/// <param name="ScheduleBilling">Whether this process closes due billing periods on its own each minute (tests drive closes themselves).</param>
public sealed record ServerSettings(string ConnectionString, string Urls, bool LoadDemoWhenEmpty, bool ScheduleBilling = true);
