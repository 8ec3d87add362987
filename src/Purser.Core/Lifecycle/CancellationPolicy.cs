namespace Purser.Core.Lifecycle;

/// <summary>Who may cancel which offer through which channel (R-ENT).</summary>
public static class CancellationPolicy
{
    public static Refusal? Check(OfferType offer, CancellationRequest request) => request.Channel switch
    {
        CancellationChannel.Portal when offer == OfferType.StandardPrepaid =>
            new Refusal(RefusalCode.PrepaidNotCancellable, "StandardPrepaid subscriptions cannot be cancelled from the portal."),
        CancellationChannel.Portal when offer != OfferType.Enterprise =>
            new Refusal(RefusalCode.NotCancellableInPortal, $"{offer} subscriptions cannot be cancelled from the portal."),
        CancellationChannel.Portal when request.Role != CancellingRole.EnterpriseAccountAdministrator =>
            new Refusal(RefusalCode.NotEnterpriseAdministrator, "Only an enterprise account administrator may cancel an Enterprise subscription."),
        CancellationChannel.PartnerCenter when !offer.IsPartnerSold() || request.Role != CancellingRole.Partner =>
            new Refusal(RefusalCode.NotPartnerSold, $"A partner cancels only the subscriptions it sold, not {offer}."),
        CancellationChannel.OperatorApi when request.Role != CancellingRole.Operator =>
            new Refusal(RefusalCode.NotOperator, "The operator API cancels only for the operator."),
        _ => null,
    };
}
