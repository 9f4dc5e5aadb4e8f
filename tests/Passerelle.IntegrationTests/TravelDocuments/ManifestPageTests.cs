using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.TravelDocuments;

public sealed class ManifestPageTests
{
    private static async Task<Browserless> SignedInOfficerAsync(TestApp app)
    {
        var world = await RegisterWorld.BuildAsync(app);
        await world.RegisterAsync("L898902C3");
        var browser = new Browserless(app);
        await browser.PostFormAsync("/Account/Login", "/Account/Login", ("login", "douane.officer"), ("password", TestApp.Password));
        return browser;
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_uploaded_manifest_is_screened_and_its_hits_come_first(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var browser = await SignedInOfficerAsync(app);
        var csv = "documentNumber,issuingState\nX1,UTO\nL898902C3,UTO\n"u8.ToArray();

        var (_, html) = await browser.PostFileAsync("/Screen/Manifest", "manifest", "flight-af123.csv", csv, ("purpose", "passenger-manifest"));

        Assert.True(html.Contains("hit 1, clear 1", StringComparison.Ordinal), html[html.IndexOf("<main", StringComparison.Ordinal)..]);
        Assert.True(html.IndexOf("L898902C3", StringComparison.Ordinal) < html.IndexOf("X1 UTO", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_file_that_is_not_text_is_refused_whatever_its_name(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var browser = await SignedInOfficerAsync(app);
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R'];

        var (_, html) = await browser.PostFileAsync("/Screen/Manifest", "manifest", "manifest.csv", png, ("purpose", "passenger-manifest"));

        Assert.Contains("not a CSV text file", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>", html, StringComparison.Ordinal);
    }
}
