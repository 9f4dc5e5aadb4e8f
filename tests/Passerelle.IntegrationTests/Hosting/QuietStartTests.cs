using System.Net;
using Microsoft.EntityFrameworkCore;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Hosting;

/// <summary>A first start must not look like a crash: nothing reads the database before it is migrated.</summary>
public sealed class QuietStartTests
{
    [Fact]
    public async Task The_first_start_of_the_demo_on_a_new_SQLite_file_logs_no_error()
    {
        var demo = new Dictionary<string, string?> { ["Demo:Seed"] = "true" };
        await using var app = await TestApp.StartAsync(Db.Sqlite, demo);

        // The sign-in page signs an antiforgery token, so it needs the key ring that start-up loaded.
        var page = await app.CreateClient().GetAsync("/Account/Login", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain(app.Logs.Lines, line =>
            line.StartsWith("Error ", StringComparison.Ordinal)
            || line.StartsWith("Critical ", StringComparison.Ordinal));
        await using var context = app.NewContext();
        Assert.True(await context.DataProtectionKeys.AnyAsync(TestContext.Current.CancellationToken));
        Assert.True(await context.Agencies.AnyAsync(TestContext.Current.CancellationToken));
    }
}
