using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace Purser.Server.Hosting.Security;

internal static class SecurityServices
{
    /// <summary>Every endpoint needs an authenticated caller unless it says otherwise (only /healthz does).</summary>
    public static IServiceCollection AddPurserSecurity(this IServiceCollection services)
    {
        services.AddAuthentication(TokenAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthentication>(TokenAuthentication.SchemeName, null);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(TokenAuthentication.SchemeName).RequireAuthenticatedUser().Build())
            .AddPolicy(CallerAccess.OperatorPolicy, p => p.AddAuthenticationSchemes(TokenAuthentication.SchemeName).RequireAuthenticatedUser()
                .RequireClaim(CallerAccess.OperatorClaim, "true"));
        return services;
    }
}
