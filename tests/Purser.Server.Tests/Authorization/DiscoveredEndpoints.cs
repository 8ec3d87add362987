using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Purser.Server.Tests.Authorization;

/// <summary>One route the running server maps, with one of its HTTP methods ("*" when it takes any).</summary>
internal sealed record DiscoveredEndpoint(string Method, string Pattern)
{
    public string Key => $"{Method} {Pattern}";

    public HttpMethod HttpMethod => Method == "*" ? HttpMethod.Get : new HttpMethod(Method);

    public override string ToString() => Key;
}

/// <summary>
/// Every route endpoint of the API, read from its <see cref="EndpointDataSource"/> so that no new endpoint escapes the matrix.
/// The portal's pages, its static assets and the root that sends browsers to it are the portal's own face (cookie
/// sign-in, tested in a browser by Purser.Portal.Tests), not bearer-token API endpoints.
/// </summary>
internal static partial class DiscoveredEndpoints
{
    public static IReadOnlyList<DiscoveredEndpoint> Of(IServiceProvider services)
    {
        var source = services.GetRequiredService<EndpointDataSource>();
        return [.. source.Endpoints.OfType<RouteEndpoint>()
            .Where(e => !IsPortal(Normalize(e.RoutePattern.RawText ?? "")))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(m => new DiscoveredEndpoint(m, Normalize(e.RoutePattern.RawText ?? ""))))
            .Distinct()
            .OrderBy(e => e.Pattern, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)];
    }

    private static bool IsPortal(string pattern) =>
        pattern == "/" || PortalPrefixes.Any(p => pattern.StartsWith(p, StringComparison.Ordinal)) || StaticAsset().IsMatch(pattern);

    private static readonly string[] PortalPrefixes = ["/portal", "/_content/", "/_framework/"];

    // Group prefixes ("/" + "/providers/…") can leave doubled slashes in the raw text.
    private static string Normalize(string raw) => "/" + Slashes().Replace(raw, "/").TrimStart('/');

    [GeneratedRegex("/{2,}")]
    private static partial Regex Slashes();

    // MapStaticAssets maps each built asset (the scoped CSS bundle, module lists, their compressed twins) and a file fallback.
    [GeneratedRegex(@"^/[^/{]+\.(css|js|mjs|json|ico|png|svg|woff2?)(\.gz|\.br)?$|\{\*\*path:file\}")]
    private static partial Regex StaticAsset();
}
