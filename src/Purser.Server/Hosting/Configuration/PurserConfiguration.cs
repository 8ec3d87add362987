using Microsoft.Extensions.Configuration.Memory;

namespace Purser.Server.Hosting.Configuration;

/// <summary>
/// The configuration stack every verb reads, later sources winning: <c>appsettings.json</c>,
/// <c>appsettings.{Environment}.json</c>, the documented <c>PURSER_*</c> variables, the
/// <c>ASPNETCORE_*</c> variables (<c>ASPNETCORE_URLS</c>), every other variable
/// (<c>Purser__Mail__SmtpPort</c>), then the command line's flags.
/// </summary>
public static class PurserConfiguration
{
    /// <summary>ASP.NET Core's key for the listen addresses, which <c>ASPNETCORE_URLS</c> sets.</summary>
    public const string UrlsKey = "urls";

    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>
    /// The folder the JSON files are read from: the executable's, unless <c>ASPNETCORE_CONTENTROOT</c>
    /// names another, so a published Purser finds its files wherever it is started from.
    /// </summary>
    public static string ContentRoot => Variable("ASPNETCORE_CONTENTROOT") ?? Variable("DOTNET_CONTENTROOT") ?? AppContext.BaseDirectory;

    public static string EnvironmentName => Variable("ASPNETCORE_ENVIRONMENT") ?? Variable("DOTNET_ENVIRONMENT") ?? Environments.Production;

    public static ConfigurationManager Create(IEnumerable<KeyValuePair<string, string?>> flags)
    {
        var configuration = new ConfigurationManager();
        Stack(configuration, flags);
        return configuration;
    }

    /// <summary>Replaces <paramref name="configuration"/>'s sources with the stack, so nothing else slips in between them.</summary>
    public static void Stack(IConfigurationBuilder configuration, IEnumerable<KeyValuePair<string, string?>> flags)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        configuration.Sources.Clear();
        configuration.SetBasePath(ContentRoot)
            .AddJsonFile("appsettings.json", optional: true, reloadOnChange: false)
            .AddJsonFile($"appsettings.{EnvironmentName}.json", optional: true, reloadOnChange: false)
            .Add(new MemoryConfigurationSource { InitialData = LegacyVariables.Read() });
        configuration.AddEnvironmentVariables("ASPNETCORE_")
            .AddEnvironmentVariables()
            .Add(new MemoryConfigurationSource { InitialData = flags });
    }

    private static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : null;
}
