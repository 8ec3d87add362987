using System.Text.RegularExpressions;

namespace Purser.Server.Arm;

/// <summary>The clients insert a caller's scope raw, so <c>/subscriptions/x</c> arrives as <c>//subscriptions/x</c>; collapse the repeats.</summary>
public static partial class ScopePaths
{
    public static IApplicationBuilder UseCollapsedSlashes(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var path = context.Request.Path.Value;
            if (path is not null && path.Contains("//", StringComparison.Ordinal))
                context.Request.Path = RepeatedSlashes().Replace(path, "/");
            return next(context);
        });

    [GeneratedRegex("/{2,}")]
    private static partial Regex RepeatedSlashes();
}
