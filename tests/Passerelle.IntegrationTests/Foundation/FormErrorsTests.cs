using System.Net;
using System.Text.RegularExpressions;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Foundation;

/// <summary>A form sent back names every field at fault, in its summary as beside the fields.</summary>
public sealed partial class FormErrorsTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_summary_lists_every_field_at_fault_not_only_the_first(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.AddAgencyAsync("RH-LUMIERE", "rights-holder");
        await app.RunAsync<Core.Trust.Agencies.VerifyRightsHolder, Core.Trust.Agencies.AgencySummary>(
            h => h.HandleAsync(Core.Trust.Access.Actor.Console(), "RH-LUMIERE", "Checked.", default));
        await app.AddUserAsync("RH-LUMIERE", "lumiere.brand", "rights-holder");
        var holder = await HomePageTests.SignInAsync(app, "lumiere.brand");

        var (response, html) = await holder.PostFormAsync(
            "/Brand/Product", "/Brand/Product", ("brand", "Lumière"), ("name", "Parfum"), ("gtins", "6291041500214"),
            ("hsCode", "99"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var summary = Summary(html);
        var beside = new[] { "gtins", "hsCode" }.Select(field => Browserless.Inner(html, $"{field}-error")).ToList();
        Assert.All(beside, message => Assert.False(string.IsNullOrWhiteSpace(message)));
        Assert.All(beside, message => Assert.Contains(message, summary));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_audit_filter_with_an_unreadable_time_is_refused_and_lists_nothing(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.AddAgencyAsync("FR-CNIL");
        await app.AddUserAsync("FR-CNIL", "cnil.auditor", "auditor");
        var auditor = await HomePageTests.SignInAsync(app, "cnil.auditor");

        var (response, html) = await auditor.GetAsync("/Audit?from=garbage&to=2026-13-45T99:00");
        var (export, _) = await auditor.GetAsync("/Audit?handler=Export&format=csv&from=garbage");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("id=\"from-error\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"to-error\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<tbody>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("No entries match.", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, export.StatusCode);
        Assert.NotEqual("text/csv", export.Content.Headers.ContentType?.MediaType);
    }

    private static List<string> Summary(string html) =>
        SummaryItems().Matches(ErrorsBlock().Match(html).Value)
            .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value).Trim())
            .ToList();

    [GeneratedRegex("""<div class="errors" role="alert">.*?</div>""", RegexOptions.Singleline)]
    private static partial Regex ErrorsBlock();

    [GeneratedRegex("<li>(.*?)</li>", RegexOptions.Singleline)]
    private static partial Regex SummaryItems();
}
