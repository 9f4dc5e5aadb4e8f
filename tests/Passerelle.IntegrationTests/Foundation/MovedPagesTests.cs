using System.Net;
using Microsoft.EntityFrameworkCore;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Foundation;

/// <summary>
/// Pages that moved to their capability's folder keep their addresses, and a refusal keeps its old audit name.
/// </summary>
public sealed class MovedPagesTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_refused_page_keeps_its_audit_name_after_its_file_moved_to_its_capability(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.AddAgencyAsync("FR-DOUANE");
        await app.AddAgencyAsync("RH-LUMIERE", "rights-holder");
        await app.RunAsync<Core.Trust.Agencies.VerifyRightsHolder, Core.Trust.Agencies.AgencySummary>(
            h => h.HandleAsync(Core.Trust.Access.Actor.Console(), "RH-LUMIERE", "Checked.", default));
        await app.AddUserAsync("FR-DOUANE", "douane.officer", "officer");
        await app.AddUserAsync("RH-LUMIERE", "lumiere.brand", "rights-holder");
        var holder = await HomePageTests.SignInAsync(app, "lumiere.brand");
        var officer = await HomePageTests.SignInAsync(app, "douane.officer");

        await holder.GetAsync("/Screen");
        await holder.GetAsync("/Screen/Manifest");
        await holder.GetAsync("/Documents");
        // The second address of a moved index page is refused as the first is, by the same rule.
        await holder.GetAsync("/Documents/Index");
        await officer.GetAsync("/Brand/Products");

        await using var context = app.NewContext();
        var refused = await context.AuditEntries
            .Where(e => e.Target != null && EF.Functions.Like(e.Target, "page:%"))
            .Select(e => e.Login + " " + e.Target)
            .ToListAsync();
        string[] expected =
        [
            "douane.officer page:/Brand/Products", "lumiere.brand page:/Documents/Index",
            "lumiere.brand page:/Documents/Index",
            "lumiere.brand page:/Screen/Index", "lumiere.brand page:/Screen/Manifest",
        ];
        Assert.Equal(expected, refused.Order(StringComparer.Ordinal));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_moved_index_page_still_opens_at_both_its_addresses(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.AddAgencyAsync("FR-DOUANE");
        await app.AddUserAsync("FR-DOUANE", "douane.investigator", "investigator");
        var investigator = await HomePageTests.SignInAsync(app, "douane.investigator");

        foreach (var path in new[] { "/Screen", "/Screen/Index", "/Documents", "/Documents/Index" })
        {
            var (response, html) = await investigator.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
            Assert.Contains("<form", html, StringComparison.Ordinal);
        }
    }
}
