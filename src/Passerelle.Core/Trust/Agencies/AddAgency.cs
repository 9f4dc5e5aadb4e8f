using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Standards;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.Core.Trust.Agencies;

public sealed record AddAgencyRequest(string? Code, string? Name, string? Kind, string? Country);

/// <param name="ShareConsigneeDetails">
/// Whether the agency's officers may send a consignee's details to rights holders.
/// </param>
public sealed record AgencySummary(
    string Code, string Name, string Kind, string Country, bool Verified, DateTime CreatedAt,
    bool ShareConsigneeDetails = false)
{
    internal static AgencySummary Of(Agency a) => new(
        a.Code, a.Name, a.Kind.Name(), a.Country, a.VerifiedAt is not null, a.CreatedAt, a.ShareConsigneeDetails);
}

public sealed partial class AddAgency(PasserelleDb db, AuditedChange audited, AuditWriter audit, TimeProvider time)
{
    public async Task<Result<AgencySummary>> HandleAsync(Actor actor, AddAgencyRequest request, CancellationToken ct)
    {
        if (!AccessRules.MayManageAgencies(actor))
        {
            return await audit.DenyAsync(actor, "agencies", ct, "Only an administrator adds agencies.");
        }

        var code = request.Code?.Trim().ToUpperInvariant() ?? "";
        var name = request.Name?.Trim() ?? "";
        var country = request.Country is null ? "" : CountryCodes.Normalize(request.Country);
        var invalid = new Validation()
            .Require(CodePattern().IsMatch(code), "code", AgencyErrors.Code,
                "The code is 2 to 32 letters, digits or hyphens, such as FR-DGDDI.")
            .Require(name.Length is > 0 and <= 200, "name", AgencyErrors.Name,
                "The name is required, at most 200 characters.")
            .Require(AgencyKinds.TryParse(request.Kind, out var kind), "kind", AgencyErrors.Kind,
                $"The kind is one of {string.Join(", ", AgencyKinds.Names)}.")
            .Require(CountryCodes.IsKnown(country), "country", AgencyErrors.Country,
                CountryCodes.Explain(request.Country ?? ""))
            .ToError();
        if (invalid is not null)
        {
            return invalid;
        }

        if (await db.Agencies.AnyAsync(a => a.Code == code, ct))
        {
            return AgencyErrors.Duplicate.With($"An agency with code {code} already exists.");
        }

        var agency = new Agency
        {
            Id = Guid.CreateVersion7(),
            Code = code,
            Name = name,
            Kind = kind,
            Country = country,
            CreatedAt = time.UtcNow(),
        };
        db.Agencies.Add(agency);
        await audited.CommitAsync(db, AuditRecord.For(actor, AuditEvent.AgencyCreated, target: AuditTarget.Agency(code),
            details: AuditDetails.With("name", name).And("kind", kind.Name()).And("country", country)), ct);
        return AgencySummary.Of(agency);
    }

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{1,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
