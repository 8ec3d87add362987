using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using Microsoft.FluentUI.AspNetCore.Components;
using Purser.Engine.Access;
using Purser.Engine.Accounts;
using Purser.Server.Hosting.Security;

namespace Purser.Server.Portal;

/// <summary>The portal's services: Blazor static rendering, Fluent UI, cookie sign-in, shared keys, languages, the sign-in limiter.</summary>
internal static class PortalServices
{
    public const string Scheme = "PurserPortal";
    public const string UserPolicy = "PortalUser";
    public const string SignInLimiter = "PortalSignIn";
    public const string LanguageCookie = ".Purser.Language";

    /// <summary>zh-Hans first: the product's default language.</summary>
    public static readonly IReadOnlyList<string> Languages = ["zh-Hans", "zh-Hant", "en"];

    /// <summary>Sign-in posts allowed per client address and minute; the persisted lockout guards each account beyond that.</summary>
    public const int SignInPostsPerMinute = 60;

    public static IServiceCollection AddPurserPortal(this IServiceCollection services)
    {
        services.AddRazorComponents();
        services.AddFluentUIComponents();
        services.AddLocalization();
        services.AddCascadingAuthenticationState();
        services.AddSingleton<SignInCommands>();
        services.AddSingleton<DataProtectionKeyStore>();
        services.AddSingleton<PortalAccess>();
        services.AddScoped<PortalFormat>();
        services.AddDataProtection().SetApplicationName("Purser");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(s =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseKeyRepository(s.GetRequiredService<DataProtectionKeyStore>())));
        // Under /portal a request is who its cookie says (antiforgery tokens are bound to that user, signed in or not);
        // everywhere else it is who its bearer token says, as before the portal existed.
        services.AddAuthentication(o => o.DefaultScheme = "PurserByPath")
            .AddPolicyScheme("PurserByPath", null, o => o.ForwardDefaultSelector = http =>
                http.Request.Path.StartsWithSegments("/portal", StringComparison.OrdinalIgnoreCase) ? Scheme : TokenAuthentication.SchemeName)
            .AddCookie(Scheme, o =>
        {
            o.LoginPath = "/portal/signin";
            o.LogoutPath = "/portal/signout";
            o.AccessDeniedPath = "/portal/signin";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Cookie.Name = ".Purser.Portal";
            o.Cookie.Path = "/portal";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            // Secure on every HTTPS request; antiforgery refuses "Always" on plain HTTP, which the loopback demo and tests use.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = ".Purser.Antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddAuthorizationBuilder().AddPolicy(UserPolicy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Only posts count: reading the sign-in page is free, guessing passwords is not.
            o.AddPolicy(SignInLimiter, http => HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = SignInPostsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("read"));
        });
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = Languages.Select(CultureInfo.GetCultureInfo).ToList();
            o.DefaultRequestCulture = new RequestCulture(Languages[0]);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            // The cookie the language switch sets decides; the browser's Accept-Language does not override the product default.
            o.RequestCultureProviders = [new CookieRequestCultureProvider { CookieName = LanguageCookie }];
        });
        return services;
    }
}
