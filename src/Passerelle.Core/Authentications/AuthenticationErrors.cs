using Passerelle.Core.Common;

namespace Passerelle.Core.Authentications;

/// <summary>Every code an authentication request, its reply, its thread or its outcome may fail with.</summary>
public static class AuthenticationErrors
{
    public static readonly ErrorCode NotFound = ErrorCode.NotFound("authentication.not-found");

    /// <summary>No published product sheet has the id asked about.</summary>
    public static readonly ErrorCode Product = ErrorCode.Invalid("authentication.product");

    public static readonly ErrorCode Quantity = ErrorCode.Invalid("authentication.quantity");

    public static readonly ErrorCode Place = ErrorCode.Invalid("authentication.place");

    public static readonly ErrorCode Route = ErrorCode.Invalid("authentication.route");

    /// <summary>The agency's settings do not let its officers send a consignee's details.</summary>
    public static readonly ErrorCode ConsigneeNotAllowed = ErrorCode.Invalid("authentication.consignee-not-allowed");

    /// <summary>A message in the thread, or sent with the request, of the wrong length.</summary>
    public static readonly ErrorCode Text = ErrorCode.Invalid("authentication.text");

    /// <summary>Too many photos sent with a new request.</summary>
    public static readonly ErrorCode Photos = ErrorCode.Invalid("authentication.photos");

    /// <summary>
    /// A photo added to a request that already holds the most it may. The same code as <see cref="Photos"/>, but a
    /// conflict with what is stored rather than bad input.
    /// </summary>
    public static readonly ErrorCode PhotosFull = ErrorCode.Conflict("authentication.photos");

    /// <summary>The rights holder already answered.</summary>
    public static readonly ErrorCode Replied = ErrorCode.Conflict("authentication.replied");

    public static readonly ErrorCode Verdict = ErrorCode.Invalid("authentication.verdict");

    public static readonly ErrorCode Reasons = ErrorCode.Invalid("authentication.reasons");

    public static readonly ErrorCode Outcome = ErrorCode.Invalid("authentication.outcome");

    public static readonly ErrorCode OutcomeQuantity = ErrorCode.Invalid("authentication.outcome-quantity");

    /// <summary>An estimated value below zero or above what is stored.</summary>
    public static readonly ErrorCode Value = ErrorCode.Invalid("authentication.value");

    public static readonly ErrorCode Currency = ErrorCode.Invalid("outcome.currency");

    /// <summary>An amount with more decimal places than its currency has.</summary>
    public static readonly ErrorCode ValueDecimals = ErrorCode.Invalid("outcome.value-decimals");

    /// <summary>Someone other than the person who recorded the outcome tries to correct it.</summary>
    public static readonly ErrorCode NotAuthor = ErrorCode.Forbidden("outcome.not-author");

    /// <summary>The rights holder has not answered yet, and its reply is not overdue.</summary>
    public static readonly ErrorCode BeforeVerdict = ErrorCode.Conflict("outcome.before-verdict");

    public static readonly ErrorCode CorrectionWindowClosed = ErrorCode.Conflict("outcome.correction-window-closed");

    /// <summary>Another recording or correction landed first.</summary>
    public static readonly ErrorCode OutcomeChanged = ErrorCode.Conflict("outcome.changed");

    /// <summary>A quantity or value the outcome form could not read as a number.</summary>
    public static readonly ErrorCode Number = ErrorCode.Invalid("authentication.number");

    /// <summary>Every code above, for the API contract.</summary>
    public static IReadOnlyList<ErrorCode> All { get; } =
    [
        NotFound, Product, Quantity, Place, Route, ConsigneeNotAllowed, Text, Photos, PhotosFull, Replied, Verdict,
        Reasons, Outcome, OutcomeQuantity, Value, Currency, ValueDecimals, NotAuthor, BeforeVerdict,
        CorrectionWindowClosed, OutcomeChanged, Number,
    ];
}
