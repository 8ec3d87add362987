namespace Purser.Server.Portal;

/// <summary>
/// Names the portal's resources (<c>PortalText.resx</c> is Simplified Chinese, the default;
/// <c>.zh-Hant</c> and <c>.en</c> beside it) for <c>IStringLocalizer&lt;PortalText&gt;</c>.
/// </summary>
internal sealed class PortalText;
