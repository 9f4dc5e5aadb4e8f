using System.Collections.Frozen;
using System.Globalization;

namespace Passerelle.Core.Standards;

/// <summary>
/// One reason a document check fails, with a stable code (<c>mrz.check-digit.birth-date</c>), the English message,
/// and the value at fault where there is one, so a front end can say it in its own language.
/// </summary>
public sealed record DocumentCheckReason(string Code, string Message, string? Value = null);

/// <summary>
/// What the document itself says about its integrity, beside the register's answer: <c>pass</c>, <c>fail</c>, or
/// <c>not-checked</c> when only a typed number was given, which carries no check digit and no code to check.
/// </summary>
public sealed record DocumentCheck(string Status, IReadOnlyList<DocumentCheckReason> Reasons)
{
    public const string Pass = "pass";
    public const string Fail = "fail";
    public const string NotChecked = "not-checked";

    /// <summary>Each reason's English message, by code; <c>{0}</c> is the value at fault.</summary>
    public static readonly FrozenDictionary<string, string> Messages = new Dictionary<string, string>
    {
        ["mrz.check-digit.document-number"] = "The document number's check digit is wrong.",
        ["mrz.check-digit.birth-date"] = "The birth date's check digit is wrong.",
        ["mrz.check-digit.expiry-date"] = "The expiry date's check digit is wrong.",
        ["mrz.check-digit.optional-data"] = "The optional data's check digit is wrong.",
        ["mrz.check-digit.composite"] = "The composite check digit is wrong.",
        ["mrz.issuing-state"] = "The issuing state '{0}' is not an ICAO Doc 9303 code.",
        ["mrz.nationality"] = "The nationality '{0}' is not an ICAO Doc 9303 code.",
        ["mrz.birth-date"] = "The birth date '{0}' is not a date.",
        ["mrz.expiry-date"] = "The expiry date '{0}' is not a date.",
        ["mrz.sex"] = "The sex '{0}' is not M, F, X or <.",
        ["document.no-mrz"] = "Only a document number was given: nothing on the document could be checked.",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>A typed number: the register answers, but the document's own checks could not be made.</summary>
    public static DocumentCheck Unchecked { get; } = new(NotChecked, [Reason("document.no-mrz")]);

    /// <summary>
    /// ICAO Doc 9303 Part 3 (check digits, 4.9; codes, 5) and Parts 4 to 7 (where each field sits): every check
    /// digit the format has, the issuing state and nationality codes, the sex, and both dates as dates.
    /// </summary>
    public static DocumentCheck Of(Mrz mrz)
    {
        var reasons = new List<DocumentCheckReason>();
        Add(reasons, mrz.Checks.DocumentNumber == false, "mrz.check-digit.document-number");
        Add(reasons, mrz.Checks.BirthDate == false, "mrz.check-digit.birth-date");
        Add(reasons, mrz.Checks.ExpiryDate == false, "mrz.check-digit.expiry-date");
        Add(reasons, mrz.Checks.OptionalData == false, "mrz.check-digit.optional-data");
        Add(reasons, mrz.Checks.Composite == false, "mrz.check-digit.composite");
        Add(reasons, !CountryCodes.IsKnown(mrz.IssuingState), "mrz.issuing-state", mrz.IssuingState);
        Add(reasons, !CountryCodes.IsKnown(mrz.Nationality), "mrz.nationality", mrz.Nationality);
        if (MrzLayout.For(mrz.Lines) is { } layout)
        {
            // The parsed dates are null both for a date left blank (<<<<<<) and for one that is no date; only the
            // second is a fault, so the raw field decides.
            var birth = layout.Birth.Of(mrz.Lines);
            var expiry = layout.Expiry.Of(mrz.Lines);
            Add(reasons, mrz.BirthDate is null && birth != "<<<<<<", "mrz.birth-date", birth);
            Add(reasons, mrz.ExpiryDate is null && expiry != "<<<<<<", "mrz.expiry-date", expiry);
        }

        Add(reasons, mrz.Sex is not ("M" or "F" or "X" or "<"), "mrz.sex", mrz.Sex);
        return new DocumentCheck(reasons.Count == 0 ? Pass : Fail, reasons);
    }

    private static DocumentCheckReason Reason(string code, string? value = null) =>
        new(code, string.Format(CultureInfo.InvariantCulture, Messages[code], value), value);

    private static void Add(List<DocumentCheckReason> reasons, bool failed, string code, string? value = null)
    {
        if (failed)
        {
            reasons.Add(Reason(code, value));
        }
    }
}
