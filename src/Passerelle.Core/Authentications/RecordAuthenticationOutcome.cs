using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Standards;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.Authentications;

/// <summary>What became of detained goods: released, seized or destroyed, how many, and what they were worth.</summary>
/// <param name="Currency">The value's ISO 4217 code, such as EUR; required with a value.</param>
public sealed record RecordOutcome(
    string? Outcome, int? Quantity = null, decimal? EstimatedValue = null, string? Currency = null);

/// <summary>
/// The detaining agency records what became of the goods, and the person who recorded it may correct it for a day,
/// as <see cref="AccessRules.AuthenticationOutcomeAccess"/> decides. Recording tells the rights holder and counts in
/// the statistics; a correction tells the rights holder again, and its audit entry keeps the old values beside the
/// new.
/// </summary>
public sealed class RecordAuthenticationOutcome(
    PasserelleDb db, AuthenticationStep step, AuthenticationViews views, AuditedChange audited, AuditWriter audit,
    TimeProvider time)
{
    /// <summary>Values stay below a trillion, well inside the column's precision.</summary>
    public const decimal MaxValue = 1_000_000_000_000m;

    public async Task<Result<AuthenticationView>> HandleAsync(
        Actor actor, Guid id, RecordOutcome request, CancellationToken ct)
    {
        var asked = await db.AuthenticationRequests.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (asked is null)
        {
            return AuthenticationErrors.NotFound.With($"No authentication request has id {id}.");
        }

        var target = AuditTarget.Authentication(id);
        var access = AccessRules.AuthenticationOutcomeAccess(actor, asked.OutcomeFacts(), time.UtcNow());
        switch (access)
        {
            case OutcomeAccess.Denied:
                return await audit.DenyAsync(actor, target, ct, "The detaining agency records the outcome.");
            case OutcomeAccess.NotAuthor:
                await audit.DenyAsync(actor, target, ct);
                return AuthenticationErrors.NotAuthor.With(
                    $"Only {asked.OutcomeBy}, who recorded the outcome, may correct it.");
            case OutcomeAccess.BeforeVerdict:
                var due = asked.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                return AuthenticationErrors.BeforeVerdict.With(
                    "The outcome is recorded once the rights holder has answered, " +
                    $"or once its reply is overdue (after {due}).");
            case OutcomeAccess.CorrectionWindowClosed:
                return AuthenticationErrors.CorrectionWindowClosed.With(
                    "An outcome is corrected within 24 hours of recording it; this one can no longer be changed.");
        }

        var currency = request.Currency is { } c && Currencies.IsKnown(c) ? Currencies.Normalize(c) : null;
        var (quantity, value) = (request.Quantity, request.EstimatedValue);
        var places = Currencies.MinorUnits(currency ?? "EUR");
        var invalid = new Validation()
            .Require(EnumNames.TryParse<AuthenticationOutcome>(request.Outcome, out var outcome), "outcome",
                AuthenticationErrors.Outcome, "The outcome is released, seized or destroyed.")
            .Require(quantity is null || (quantity > 0 && quantity <= asked.Quantity), "quantity",
                AuthenticationErrors.OutcomeQuantity, $"The quantity is 1 to the {asked.Quantity} detained.")
            .Require(value is null or (>= 0 and < MaxValue), "estimatedValue",
                AuthenticationErrors.Value, "The estimated value is 0 or more, and less than a trillion.")
            .Require(value is null || currency is not null, "currency",
                AuthenticationErrors.Currency, "Give the value's currency as an ISO 4217 code, such as EUR.")
            .Require(value is not { } v || currency is null || Currencies.FitsMinorUnits(v, currency), "estimatedValue",
                AuthenticationErrors.ValueDecimals, $"An amount in {currency} has at most {places} decimal places.")
            .ToError();
        if (invalid is not null)
        {
            return invalid;
        }

        // Recorded on the row as it stands once this has the chain's turn (SQLite's transaction takes the write lock
        // at once): of two recordings or corrections sent together, the second is refused, not laid over the first.
        await using var change = await audited.RereadAsync(db, asked, ct);
        if (AccessRules.AuthenticationOutcomeAccess(actor, asked.OutcomeFacts(), time.UtcNow()) != access)
        {
            return AuthenticationErrors.OutcomeChanged.With(
                "The outcome changed while you were recording it; open the request again to see it.");
        }

        var previous = Details(asked, "previous");
        asked.Outcome = outcome;
        asked.OutcomeQuantity = quantity ?? asked.Quantity;
        asked.EstimatedValue = value;
        asked.Currency = value is null ? null : currency;
        var told = $"{outcome.Name()}, {asked.OutcomeQuantity} items";
        int deliveries;
        AuditRecord entry;
        if (access == OutcomeAccess.Record)
        {
            asked.OutcomeAt = time.UtcNow();
            asked.OutcomeUserId = actor.UserId;
            asked.OutcomeBy = actor.Login;
            deliveries = await step.TellAsync(asked.RightsHolderAgencyId, null,
                "authentication.outcome", id, $"{actor.AgencyCode} recorded: {told}.", ct);
            entry = AuditRecord.For(
                actor, AuditEvent.AuthenticationOutcome, target: target, details: Details(asked, null));
        }
        else
        {
            deliveries = await step.TellAsync(asked.RightsHolderAgencyId, null,
                "authentication.outcome-corrected", id, $"{actor.AgencyCode} corrected the outcome: {told}.", ct);
            entry = AuditRecord.For(
                actor, AuditEvent.AuthenticationOutcomeCorrected, target: target,
                details: Details(asked, null, previous));
        }

        await change.CommitAsync(entry, ct);
        step.Committed(deliveries);

        return await views.OneAsync(actor, id, ct);
    }

    /// <summary>The outcome's fields, named with <paramref name="prefix"/> ("previousOutcome") when given.</summary>
    private static AuditDetails Details(AuthenticationRequest d, string? prefix, AuditDetails? before = null)
    {
        string Name(string field) => prefix is null ? field : prefix + char.ToUpperInvariant(field[0]) + field[1..];
        var value = d.EstimatedValue is { } v && d.Currency is { } c ? Invariant(v, c) : null;
        return (before ?? AuditDetails.Empty)
            .And(Name("outcome"), d.Outcome?.Name())
            .And(Name("quantity"), d.OutcomeQuantity)
            .And(Name("estimatedValue"), value)
            .And(Name("currency"), d.Currency);
    }

    /// <summary>An amount as the API and the audit trail write it: a point and the currency's decimal places.</summary>
    public static string Invariant(decimal amount, string currency) =>
        decimal.Round(amount, Currencies.MinorUnits(currency))
            .ToString($"F{Currencies.MinorUnits(currency)}", CultureInfo.InvariantCulture);
}
