using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Passerelle.IntegrationTests.Support;

namespace Passerelle.IntegrationTests.Foundation;

/// <summary>
/// Every Razor Page handler, GET and POST, opened by each role signed in through the UI, on a target of the caller's
/// own agency and of another one. 'A' means the page let the caller in (it answered, or refused the input or the record), 'D'
/// that it refused the caller (403, or the cookie scheme's redirect to the access-denied page). A new handler fails
/// the coverage test until it has rows here.
/// </summary>
public sealed partial class PageMatrixTests
{
    private static readonly string[] Callers = ["admin", "coordinator", "officer", "investigator", "auditor", "rights-holder"];

    //                       handler                                      target    admin coord officer invest auditor holder
    private static readonly Row[] Table =
    [
        new("GET Account/ChangePassword", Target.None,                     "A A A A A A"),
        new("POST Account/ChangePassword", Target.None,                    "A A A A A A"),
        new("GET Account/EnrolTotp", Target.None,                          "A A A A A A"),
        new("POST Account/EnrolTotp", Target.None,                         "A A A A A A"),
        new("GET Agencies/Index", Target.None,                             "A A D D A D"),
        new("POST Agencies/Index Add", Target.None,                        "A D D D D D"),
        new("POST Agencies/Index Verify", Target.None,                     "A D D D D D"),
        new("POST Agencies/Index Settings", Target.Own,                    "A A D D D D"),
        new("POST Agencies/Index Settings", Target.Other,                  "A D D D D D"),
        new("GET Alerts/Index", Target.None,                               "D D D D D A"),
        new("POST Alerts/Index", Target.None,                              "D D D D D A"),
        new("POST Alerts/Index Close", Target.Own,                         "D D D D D A"),
        new("POST Alerts/Index Close", Target.Other,                       "D D D D D D"),
        new("GET Audit/Index", Target.None,                                "D D D D A D"),
        new("GET Audit/Index Export", Target.None,                         "D D D D A D"),
        new("POST Audit/Index Verify", Target.None,                        "D D D D A D"),
        new("GET Authentications/Index", Target.None,                      "D A A A D A"),
        new("GET Authentications/New", Target.None,                        "D A A A D D"),
        new("POST Authentications/New", Target.None,                       "D A A A D D"),
        new("GET Authentications/Detail", Target.Own,                      "D A D D D A"),
        new("GET Authentications/Detail", Target.Other,                    "D D D D D D"),
        new("POST Authentications/Detail Reply", Target.Own,               "D D D D D A"),
        new("POST Authentications/Detail Reply", Target.Other,             "D D D D D D"),
        new("POST Authentications/Detail Message", Target.Own,             "D A D D D A"),
        new("POST Authentications/Detail Message", Target.Other,           "D D D D D D"),
        new("POST Authentications/Detail Outcome", Target.Own,             "D A D D D D"),
        new("POST Authentications/Detail Outcome", Target.Other,           "D D D D D D"),
        new("POST Authentications/Detail Photo", Target.Own,               "D A D D D D"),
        new("POST Authentications/Detail Photo", Target.Other,             "D D D D D D"),
        new("GET Authentications/Seizures", Target.None,                   "D A A A A A"),
        new("GET Hits/Index", Target.None,                                 "D A A A D D"),
        new("POST Hits/Index Confirm", Target.Own,                         "D A D D D D"),
        new("POST Hits/Index Confirm", Target.Other,                       "D D D D D D"),
        new("POST Hits/Index Recover", Target.Own,                         "D A D D D D"),
        new("POST Hits/Index Recover", Target.Other,                       "D D D D D D"),
        new("POST Hits/Index Mismatch", Target.Own,                        "D A D D D D"),
        new("POST Hits/Index Mismatch", Target.Other,                      "D D D D D D"),
        new("GET Hits/Detail", Target.Own,                                 "D A D A D D"),
        new("GET Hits/Detail", Target.Other,                               "D D D D D D"),
        new("GET Index", Target.None,                                     "A A A A A A"),
        new("POST Index Read", Target.None,                               "A A A A A A"),
        new("GET Pictures/Show", Target.Own,                               "D A A A D A"),
        new("GET Pictures/Show", Target.Other,                             "D A A A D D"),
        new("GET Products/Lookup", Target.None,                            "D A A A D D"),
        new("POST Products/Lookup Photo", Target.None,                     "D A A A D D"),
        new("GET Products/Own", Target.None,                               "D D D D D A"),
        new("GET Products/Product", Target.Own,                            "D D D D D A"),
        new("GET Products/Product", Target.Other,                          "D D D D D D"),
        new("POST Products/Product", Target.Own,                           "D D D D D A"),
        new("POST Products/Product", Target.Other,                         "D D D D D D"),
        new("POST Products/Product Publish", Target.Own,                   "D D D D D A"),
        new("POST Products/Product Publish", Target.Other,                 "D D D D D D"),
        new("POST Products/Product Picture", Target.Own,                   "D D D D D A"),
        new("POST Products/Product Picture", Target.Other,                 "D D D D D D"),
        new("GET Tokens/Index", Target.None,                               "A A A A A A"),
        new("POST Tokens/Index Create", Target.Own,                        "A A D D D D"),
        new("POST Tokens/Index Create", Target.Other,                      "A D D D D D"),
        new("POST Tokens/Index Revoke", Target.Own,                        "A A D D D D"),
        new("POST Tokens/Index Revoke", Target.Other,                      "A D D D D D"),
        new("GET TravelDocuments/Documents", Target.None,                  "D A D A D D"),
        new("POST TravelDocuments/Documents", Target.None,                 "D A D A D D"),
        new("GET TravelDocuments/Document", Target.Own,                    "D A D A D D"),
        new("GET TravelDocuments/Document", Target.Other,                  "D D D D D D"),
        new("POST TravelDocuments/Document Status", Target.Own,            "D A D A D D"),
        new("POST TravelDocuments/Document Status", Target.Other,          "D D D D D D"),
        new("POST TravelDocuments/Document Delete", Target.Own,            "D A D A D D"),
        new("POST TravelDocuments/Document Delete", Target.Other,          "D D D D D D"),
        new("GET TravelDocuments/Screen", Target.None,                     "D A A A D D"),
        new("POST TravelDocuments/Screen", Target.None,                    "D A A A D D"),
        new("GET TravelDocuments/Manifest", Target.None,                   "D A A A D D"),
        new("POST TravelDocuments/Manifest", Target.None,                  "D A A A D D"),
        new("GET Users/Index", Target.None,                                "A A D D D D"),
        new("POST Users/Index Add", Target.Own,                            "A A D D D D"),
        new("POST Users/Index Add", Target.Other,                          "A D D D D D"),
        new("POST Users/Index Disable", Target.Own,                        "A A D D D D"),
        new("POST Users/Index Disable", Target.Other,                      "A D D D D D"),
        new("POST Users/Index Reset", Target.Own,                          "A A D D D D"),
        new("POST Users/Index Reset", Target.Other,                        "A D D D D D"),
        new("POST Users/Index Roles", Target.Own,                          "A A D D D D"),
        new("POST Users/Index Roles", Target.Other,                        "A D D D D D"),
    ];

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Each_role_opens_exactly_the_pages_and_handlers_the_table_gives_it(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var world = await PageWorld.BuildAsync(app, Callers);
        var failures = new List<string>();

        foreach (var row in Table)
        {
            var expected = row.Expected.Split(' ');
            for (var i = 0; i < Callers.Length; i++)
            {
                var response = await world.SendAsync(row.Handler, row.Target, Callers[i]);
                var outcome = Classify(response);
                if (outcome != expected[i])
                {
                    failures.Add($"{row.Handler} ({row.Target}) as {Callers[i]}: expected {expected[i]}, got {(int)response.StatusCode} {response.Headers.Location}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void The_table_covers_every_page_handler_and_every_page_asks_a_rule()
    {
        var pages = typeof(Program).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Microsoft.AspNetCore.Mvc.RazorPages.PageModel)) && !t.IsAbstract)
            .ToList();
        var unguarded = pages.Where(t => !t.IsSubclassOf(typeof(Pages.PasserellePage)) && t.GetCustomAttribute<AllowAnonymousAttribute>() is null);
        Assert.Empty(unguarded.Select(t => t.FullName));

        var handlers = pages.Where(t => t.GetCustomAttribute<AllowAnonymousAttribute>() is null)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Select(m => HandlerKey(t, m.Name)).OfType<string>())
            .ToHashSet();
        var covered = Table.Select(r => r.Handler).ToHashSet();
        Assert.Empty(handlers.Except(covered));
    }

    /// <summary>
    /// "OnPostDeleteAsync" of Pages.TravelDocuments.DocumentModel is "POST TravelDocuments/Document Delete".
    /// </summary>
    private static string? HandlerKey(Type page, string method)
    {
        var match = System.Text.RegularExpressions.Regex.Match(method, "^On(Get|Post)([A-Za-z]*?)(Async)?$");
        if (!match.Success)
        {
            return null;
        }

        var path = page.FullName!["Passerelle.Pages.".Length..].Replace('.', '/');
        path = path[..^"Model".Length];
        var verb = match.Groups[1].Value.ToUpperInvariant();
        return match.Groups[2].Value.Length == 0 ? $"{verb} {path}" : $"{verb} {path} {match.Groups[2].Value}";
    }

    private static string Classify(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? "";
        return status switch
        {
            403 => "D",
            302 when location.Contains("/Account/Denied", StringComparison.OrdinalIgnoreCase) => "D",
            302 when location.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase) => "signed out",
            200 or 302 or 400 or 404 or 409 or 413 or 415 => "A",
            _ => $"status {status}",
        };
    }

    public enum Target
    {
        None,
        Own,
        Other,
    }

    public sealed record Row(string Handler, Target Target, string Expected);
}
