using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Agencies;
using Passerelle.Core.Trust.People;

namespace Passerelle.Core.Demo;

/// <param name="Try">What the persona is for: what to try signed in as it.</param>
public sealed record DemoLogin(string Login, string Password, string Agency, string Role, string Try);

/// <summary>
/// A small world to try Passerelle in: French customs and police, a foreign police NCB and a verified rights holder,
/// with one person per role. It is seeded only into an empty database, through the same audited operations a person
/// would use, and its passwords are public: never seed it into a real deployment.
/// </summary>
public sealed class DemoWorld(
    PasserelleDb db, AddAgency addAgency, VerifyRightsHolder verify, AddUser addUser,
    TravelDocuments.ImportDocuments import, Products.SaveProduct saveProduct, Products.PublishProduct publish,
    Alerts.SaveAlert saveAlert)
{
    private static readonly AddAgencyRequest[] Agencies =
    [
        new("FR-DGDDI", "Direction générale des douanes et droits indirects", "customs", "FRA"),
        new("FR-DGPN", "Direction générale de la police nationale", "police", "FRA"),
        new("DE-NCB-WIESBADEN", "INTERPOL NCB Wiesbaden (Bundeskriminalamt)", "ncb", "D"),
        new("RH-MAISON-LUMIERE", "Maison Lumière SA", "rights-holder", "FRA"),
    ];

    /// <summary>The specimen passport's owner; its coordinators decide the specimen's hits.</summary>
    public const string SpecimenOwner = "FR-DGPN";

    public static readonly IReadOnlyList<DemoLogin> Logins =
    [
        new("admin", "Demo-Admin-2026!", "FR-DGDDI", Roles.Admin,
            "agencies and people: add an agency, verify a rights holder, add a person"),
        new("douane.coordinator", "Demo-Coord-2026!", "FR-DGDDI", Roles.Coordinator,
            "French customs' people and tokens; follows the hits its officers open"),
        new("douane.officer", "Demo-Officer-2026!", "FR-DGDDI", Roles.Officer,
            "Screen the specimen passport's MRZ (a HIT); look up 6291041500213 and detain the goods"),
        new("police.coordinator", "Demo-Police-2026!", SpecimenOwner, Roles.Coordinator,
            "owns the specimen passport: under Hits, confirm it, mark it recovered or a mismatch"),
        new("police.investigator", "Demo-Invest-2026!", SpecimenOwner, Roles.Investigator,
            "keeps French police's register (Documents); reads its hit cases but does not decide them"),
        new("dpo.auditor", "Demo-Auditor-2026!", "FR-DGDDI", Roles.Auditor,
            "reads and verifies the audit trail: every screening and decision is there"),
        new("ncb.officer", "Demo-Ncb-2026!", "DE-NCB-WIESBADEN", Roles.Officer,
            "a foreign officer: screening the specimen opens a case of its own, apart from French customs'"),
        new("lumiere.brand", "Demo-Brand-2026!", "RH-MAISON-LUMIERE", Roles.RightsHolder,
            "the rights holder: product sheets, alerts, and the answer to a detention"),
    ];

    /// <summary>What <c>serve --demo</c> prints: every login, its password, role, agency and what it is for.</summary>
    public static IEnumerable<string> Guide()
    {
        yield return "Demo logins (public passwords, for trying Passerelle only):";
        foreach (var login in Logins)
        {
            yield return $"  {login.Login,-20} {login.Password,-19} {login.Role,-14} {login.Agency,-18} {login.Try}";
        }

        var totp = Logins.Where(l => AccessRules.NeedsSecondFactor([l.Role], [])).Select(l => l.Login);
        yield return $"{string.Join(", ", totp)} enrol an authenticator app (TOTP) at their first sign-in.";
        yield return $"The specimen passport L898902C3 belongs to {SpecimenOwner}: screen it as douane.officer, then " +
            "decide its hit as police.coordinator.";
        yield return "A token for the API: passerelle tokens create --user douane.officer --scope documents:screen";
    }

    /// <summary>Seeds the world if no agency and no person exist yet; returns whether it did.</summary>
    public async Task<bool> SeedAsync(CancellationToken ct)
    {
        // Public passwords must never land beside real people, even in a database that only has its users so far.
        if (await db.Agencies.AnyAsync(ct) || await db.Users.AnyAsync(ct))
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
            var person = new AddUserRequest(login.Agency, login.Login, [login.Role], login.Password);
            Check(await addUser.HandleAsync(seeder, person, ct));
        }

        // Demo personas are shared by design and their passwords are printed at start: asking each visitor to
        // replace them would only lock the next visitor out. Real accounts always change a given password.
        var personas = Logins.Select(l => l.Login).ToList();
        await db.Users.Where(u => personas.Contains(u.UserName!))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.MustChangePassword, false), ct);

        // A few reported documents to screen, among them the ICAO Doc 9303 specimen passport L898902C3.
        using var records = new StringReader(
            "documentNumber,issuingState,documentType,status,reportedOn,theftOrLossOn,holderName,holderBirthDate,"
            + "remarks\n"
            + "L898902C3,UTO,passport,stolen,2026-10-02,2026-09-30,ERIKSSON ANNA MARIA,1974-08-12,"
            + "Stolen with luggage at Gare du Nord\n"
            + "D23145890,UTO,identity-card,lost,2026-09-15,2026-09-14,ERIKSSON ANNA MARIA,1974-08-12,\n"
            + "XA0012345,FRA,passport,stolen-blank,2026-08-20,2026-08-19,,,Batch of blanks stolen in transit\n");
        Check(await import.HandleAsync(seeder, SpecimenOwner, records, null, ct));
        await SeedProductsAsync(ct);
        return true;
    }

    /// <summary>
    /// Two published sheets of the demo brand, written by its own user, and an alert for French agencies.
    /// </summary>
    private async Task SeedProductsAsync(CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "lumiere.brand", ct);
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Code == "RH-MAISON-LUMIERE", ct);
        var brand = new Actor(
            user.Id, "lumiere.brand", agency.Id, agency.Code,
            new HashSet<string>(StringComparer.Ordinal) { Roles.RightsHolder }, Source: "demo-seed");
        var perfume = Check(await saveProduct.HandleAsync(brand, null, new Products.SaveProductRequest(
            "Lumière", "Eau de Lumière 50 ml", "Eau de parfum in a faceted glass bottle with a gold cap.",
            ["6291041500213"], "330300", "Cream box with an embossed sun; cellophane with a gold tear strip.", ["FRA"],
            "Sold only through perfumeries approved by Maison Lumière SA.",
            "Printed (not engraved) cap; blurred sun on the box; batch code not of the form L + 5 digits.",
            "Brand protection, Maison Lumière SA", "+33 1 00 00 00 00",
            [
                new("overt", "The hologram on the box turns from gold to green when tilted."),
                new(
                    "covert", "UV ink under the label spells LUMIÈRE.", Restricted: true,
                    AllowedAgencies: ["FR-DGDDI"]),
            ]), ct)).Id;
        var lipstick = Check(await saveProduct.HandleAsync(brand, null, new Products.SaveProductRequest(
            "Lumière", "Rouge Lumière", "Lipstick in a metal case.", ["4006381333931"], "330410", null,
            ["FRA", "ITA"], null, "Case lighter than 20 g; the sun logo rubs off.",
            "Brand protection, Maison Lumière SA",
            "+33 1 00 00 00 00"), ct)).Id;
        Check(await publish.HandleAsync(brand, perfume, ct));
        Check(await publish.HandleAsync(brand, lipstick, ct));
        Check(await saveAlert.HandleAsync(brand, null, new Alerts.AlertRequest(
            "Counterfeit Eau de Lumière by sea from Ningbo", [perfume], "Ningbo – Le Havre", "sea", ["CSQU3054383"],
            "Shine Trading Ltd", "Import Export SARL", Confidence: "high", TargetCountries: ["FRA"]), ct));
    }

    private static T Check<T>(Result<T> result) =>
        result.Succeeded
            ? result.Value
            : throw new InvalidOperationException(
                $"The demo world could not be seeded: {result.Error.Code} {result.Error.Message}");
}
