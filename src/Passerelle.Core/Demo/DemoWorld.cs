using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Access;
using Passerelle.Core.Agencies;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.People;

namespace Passerelle.Core.Demo;

public sealed record DemoLogin(string Login, string Password, string Agency, string Role);

/// <summary>
/// A small world to try Passerelle in: French customs and police, a foreign police NCB and a verified rights holder,
/// with one person per role. It is seeded only into an empty database, through the same audited operations a person
/// would use, and its passwords are public: never seed it into a real deployment.
/// </summary>
public sealed class DemoWorld(PasserelleDb db, AddAgency addAgency, VerifyRightsHolder verify, AddUser addUser, TravelDocuments.ImportDocuments import)
{
    private static readonly AddAgencyRequest[] Agencies =
    [
        new("FR-DGDDI", "Direction générale des douanes et droits indirects", "customs", "FRA"),
        new("FR-DGPN", "Direction générale de la police nationale", "police", "FRA"),
        new("DE-NCB-WIESBADEN", "INTERPOL NCB Wiesbaden (Bundeskriminalamt)", "ncb", "D"),
        new("RH-MAISON-LUMIERE", "Maison Lumière SA", "rights-holder", "FRA"),
    ];

    public static readonly IReadOnlyList<DemoLogin> Logins =
    [
        new("admin", "Demo-Admin-2026!", "FR-DGDDI", Roles.Admin),
        new("douane.coordinator", "Demo-Coord-2026!", "FR-DGDDI", Roles.Coordinator),
        new("douane.officer", "Demo-Officer-2026!", "FR-DGDDI", Roles.Officer),
        new("police.investigator", "Demo-Invest-2026!", "FR-DGPN", Roles.Investigator),
        new("dpo.auditor", "Demo-Auditor-2026!", "FR-DGDDI", Roles.Auditor),
        new("ncb.officer", "Demo-Ncb-2026!", "DE-NCB-WIESBADEN", Roles.Officer),
        new("lumiere.brand", "Demo-Brand-2026!", "RH-MAISON-LUMIERE", Roles.RightsHolder),
    ];

    /// <summary>Seeds the world if no agency exists yet; returns whether it did.</summary>
    public async Task<bool> SeedAsync(CancellationToken ct)
    {
        if (await db.Agencies.AnyAsync(ct))
        {
            return false;
        }

        var seeder = Actor.Console() with { Login = "demo-seed" };
        foreach (var agency in Agencies)
        {
            Check(await addAgency.HandleAsync(seeder, agency, ct));
        }

        Check(await verify.HandleAsync(seeder, "RH-MAISON-LUMIERE", "Demo world: verified at seeding.", ct));
        foreach (var login in Logins)
        {
            Check(await addUser.HandleAsync(seeder, new AddUserRequest(login.Agency, login.Login, [login.Role], login.Password), ct));
        }

        // A few reported documents to screen, among them the ICAO Doc 9303 specimen passport L898902C3.
        using var records = new StringReader(
            "documentNumber,issuingState,documentType,status,reportedOn,theftOrLossOn,holderName,holderBirthDate,remarks\n" +
            "L898902C3,UTO,passport,stolen,2026-10-02,2026-09-30,ERIKSSON ANNA MARIA,1974-08-12,Stolen with luggage at Gare du Nord\n" +
            "D23145890,UTO,identity-card,lost,2026-09-15,2026-09-14,ERIKSSON ANNA MARIA,1974-08-12,\n" +
            "XA0012345,FRA,passport,stolen-blank,2026-08-20,2026-08-19,,,Batch of blanks stolen in transit\n");
        Check(await import.HandleAsync(seeder, "FR-DGPN", records, null, ct));
        return true;
    }

    private static void Check<T>(Result<T> result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The demo world could not be seeded: {result.Error!.Code} {result.Error.Message}");
        }
    }
}
