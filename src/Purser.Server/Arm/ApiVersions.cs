using Purser.Core;

namespace Purser.Server.Arm;

/// <summary>
/// The api-versions each resource provider serves. A request without one, or with one Purser
/// does not serve, gets the ARM error Azure gives, listing what is supported.
/// </summary>
public static class ApiVersions
{
    public static readonly IReadOnlyList<string> Billing = ["2020-05-01", "2019-10-01-preview", "2024-04-01"];

    public static readonly IReadOnlyList<string> Consumption = ["2021-10-01", "2019-10-01", "2023-03-01", "2023-05-01", "2023-11-01", "2024-08-01"];

    public static RouteGroupBuilder RequireApiVersion(this RouteGroupBuilder group, IReadOnlyList<string> supported) =>
        group.AddEndpointFilter(async (context, next) =>
        {
            var version = context.HttpContext.Request.Query["api-version"].ToString();
            if (version.Length == 0)
                return Hosting.ArmError.Result(RefusalCode.MissingApiVersionParameter,
                    "The api-version query parameter (?api-version=) is required for all requests.", "api-version");
            if (!supported.Contains(version, StringComparer.OrdinalIgnoreCase))
                return Hosting.ArmError.Result(RefusalCode.InvalidApiVersionParameter,
                    $"The api-version '{version}' is invalid. The supported versions are '{string.Join(",", supported)}'.", "api-version");
            return await next(context);
        });
}
