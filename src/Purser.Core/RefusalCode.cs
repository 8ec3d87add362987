namespace Purser.Core;

/// <summary>
/// The catalog of error codes Purser answers with, each with the HTTP status it is answered with.
/// <see cref="Code"/> is what clients read in ARM's <c>error.code</c>; it is the member's own name,
/// so a code cannot drift from its spelling on the wire. Only the members below exist.
/// </summary>
public sealed class RefusalCode
{
    private RefusalCode(string code, int status)
    {
        Code = code;
        Status = status;
    }

    public string Code { get; }

    public int Status { get; }

    public override string ToString() => Code;

    // The request itself: its fields, parameters and headers.
    public static readonly RefusalCode MissingField = new(nameof(MissingField), 400);
    public static readonly RefusalCode InvalidField = new(nameof(InvalidField), 400);
    public static readonly RefusalCode MissingParameter = new(nameof(MissingParameter), 400);
    public static readonly RefusalCode InvalidParameter = new(nameof(InvalidParameter), 400);
    public static readonly RefusalCode UnsupportedParameter = new(nameof(UnsupportedParameter), 400);
    public static readonly RefusalCode InvalidFilter = new(nameof(InvalidFilter), 400);
    public static readonly RefusalCode InvalidScope = new(nameof(InvalidScope), 400);
    public static readonly RefusalCode InvalidDateRange = new(nameof(InvalidDateRange), 400);
    public static readonly RefusalCode DateRangeTooLong = new(nameof(DateRangeTooLong), 400);
    public static readonly RefusalCode InvalidBillingPeriod = new(nameof(InvalidBillingPeriod), 400);
    public static readonly RefusalCode InvalidBudgetName = new(nameof(InvalidBudgetName), 400);
    public static readonly RefusalCode MissingApiVersionParameter = new(nameof(MissingApiVersionParameter), 400);
    public static readonly RefusalCode InvalidApiVersionParameter = new(nameof(InvalidApiVersionParameter), 400);
    public static readonly RefusalCode MissingIdempotencyKey = new(nameof(MissingIdempotencyKey), 400);
    public static readonly RefusalCode InvalidRequestContent = new(nameof(InvalidRequestContent), 400);

    /// <summary>A request the HTTP layer could not read; answered with the status that layer chose, 400 as a rule.</summary>
    public static readonly RefusalCode InvalidRequest = new(nameof(InvalidRequest), 400);

    // Usage ingestion: the batch and its events.
    public static readonly RefusalCode InvalidUsageBatch = new(nameof(InvalidUsageBatch), 400);
    public static readonly RefusalCode BatchTooLarge = new(nameof(BatchTooLarge), 400);
    public static readonly RefusalCode UnknownSubscription = new(nameof(UnknownSubscription), 400);
    public static readonly RefusalCode UnknownMeter = new(nameof(UnknownMeter), 400);
    public static readonly RefusalCode SubscriptionClosed = new(nameof(SubscriptionClosed), 400);
    public static readonly RefusalCode InvalidQuantity = new(nameof(InvalidQuantity), 400);
    public static readonly RefusalCode TimestampInFuture = new(nameof(TimestampInFuture), 400);
    public static readonly RefusalCode TimestampTooOld = new(nameof(TimestampTooOld), 400);

    // Money, credit and payments.
    public static readonly RefusalCode AmountNotPositive = new(nameof(AmountNotPositive), 400);
    public static readonly RefusalCode AmountZero = new(nameof(AmountZero), 400);
    public static readonly RefusalCode AmountNotInMinorUnits = new(nameof(AmountNotInMinorUnits), 400);
    public static readonly RefusalCode CurrencyMismatch = new(nameof(CurrencyMismatch), 400);
    public static readonly RefusalCode PaymentBelowMinimum = new(nameof(PaymentBelowMinimum), 400);
    public static readonly RefusalCode PaymentExceedsAmountDue = new(nameof(PaymentExceedsAmountDue), 400);
    public static readonly RefusalCode InsufficientCredit = new(nameof(InsufficientCredit), 400);
    public static readonly RefusalCode LotExists = new(nameof(LotExists), 400);
    public static readonly RefusalCode LotNotFound = new(nameof(LotNotFound), 400);
    public static readonly RefusalCode LotExpired = new(nameof(LotExpired), 400);
    public static readonly RefusalCode LotExpiresBeforeStart = new(nameof(LotExpiresBeforeStart), 400);
    public static readonly RefusalCode LotVoided = new(nameof(LotVoided), 400);
    public static readonly RefusalCode LotEmpty = new(nameof(LotEmpty), 400);
    public static readonly RefusalCode RefundExceedsCharge = new(nameof(RefundExceedsCharge), 400);

    // Charges, invoices and the month close.
    public static readonly RefusalCode DuplicateChargeKey = new(nameof(DuplicateChargeKey), 400);
    public static readonly RefusalCode InvoiceNumberMissing = new(nameof(InvoiceNumberMissing), 400);
    public static readonly RefusalCode PeriodNotOver = new(nameof(PeriodNotOver), 400);
    public static readonly RefusalCode PeriodSuperseded = new(nameof(PeriodSuperseded), 400);

    // Prices and licenses.
    public static readonly RefusalCode LicensePriceMissing = new(nameof(LicensePriceMissing), 400);
    public static readonly RefusalCode PriceNegative = new(nameof(PriceNegative), 400);
    public static readonly RefusalCode PriceVersionExists = new(nameof(PriceVersionExists), 400);
    public static readonly RefusalCode PriceChangeRetroactive = new(nameof(PriceChangeRetroactive), 400);
    public static readonly RefusalCode PriceBackdatedTooFar = new(nameof(PriceBackdatedTooFar), 400);
    public static readonly RefusalCode StartBackdatedTooFar = new(nameof(StartBackdatedTooFar), 400);
    public static readonly RefusalCode PriceIncreaseNoticeTooShort = new(nameof(PriceIncreaseNoticeTooShort), 400);
    public static readonly RefusalCode SeatCountInvalid = new(nameof(SeatCountInvalid), 400);
    public static readonly RefusalCode SeatChangeBeforeStart = new(nameof(SeatChangeBeforeStart), 400);
    public static readonly RefusalCode SeatChangeAfterCancellation = new(nameof(SeatChangeAfterCancellation), 400);

    // A subscription's lifecycle and who may end it.
    public static readonly RefusalCode SubscriptionCancelled = new(nameof(SubscriptionCancelled), 400);
    public static readonly RefusalCode SubscriptionDeleted = new(nameof(SubscriptionDeleted), 400);
    public static readonly RefusalCode CancellationBeforeStart = new(nameof(CancellationBeforeStart), 400);
    public static readonly RefusalCode OfferNotPrepaid = new(nameof(OfferNotPrepaid), 400);
    public static readonly RefusalCode OfferTypeNotSupported = new(nameof(OfferTypeNotSupported), 400);
    public static readonly RefusalCode NotATrial = new(nameof(NotATrial), 400);
    public static readonly RefusalCode TrialNeedsUpgrade = new(nameof(TrialNeedsUpgrade), 400);
    public static readonly RefusalCode TrialPriceMismatch = new(nameof(TrialPriceMismatch), 400);
    public static readonly RefusalCode PrepaidNotCancellable = new(nameof(PrepaidNotCancellable), 400);
    public static readonly RefusalCode NotPartnerSold = new(nameof(NotPartnerSold), 400);
    public static readonly RefusalCode NotCancellableInPortal = new(nameof(NotCancellableInPortal), 400);
    public static readonly RefusalCode NotEnterpriseAdministrator = new(nameof(NotEnterpriseAdministrator), 400);
    public static readonly RefusalCode NotOperator = new(nameof(NotOperator), 400);

    // Who is calling.
    public static readonly RefusalCode AuthenticationFailed = new(nameof(AuthenticationFailed), 401);
    public static readonly RefusalCode AuthorizationFailed = new(nameof(AuthorizationFailed), 403);

    // What the request names, and its standing against other requests.
    public static readonly RefusalCode NotFound = new(nameof(NotFound), 404);
    public static readonly RefusalCode MethodNotAllowed = new(nameof(MethodNotAllowed), 405);
    public static readonly RefusalCode Conflict = new(nameof(Conflict), 409);
    public static readonly RefusalCode RequestInProgress = new(nameof(RequestInProgress), 409);
    public static readonly RefusalCode PreconditionFailed = new(nameof(PreconditionFailed), 412);
    public static readonly RefusalCode RequestTooLarge = new(nameof(RequestTooLarge), 413);
    public static readonly RefusalCode UnsupportedMediaType = new(nameof(UnsupportedMediaType), 415);
    public static readonly RefusalCode IdempotencyKeyReused = new(nameof(IdempotencyKeyReused), 422);

    // The server's own failures.
    public static readonly RefusalCode InternalServerError = new(nameof(InternalServerError), 500);

    /// <summary>An error status no other code names; answered with that status, 500 as a rule.</summary>
    public static readonly RefusalCode RequestFailed = new(nameof(RequestFailed), 500);

    /// <summary>The database is unreachable or failing over: nothing was changed for certain, and the same call may be sent again.</summary>
    public static readonly RefusalCode ServiceUnavailable = new(nameof(ServiceUnavailable), 503);
}
