using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Passerelle.Core.TravelDocuments;
using Passerelle.Pages.TravelDocuments;

namespace Passerelle.IntegrationTests.TravelDocuments;

/// <summary>
/// The screening page's two cookies: each read only as itself, an answer kept ten minutes at most, and both gone at
/// sign-out, whatever a browser sends back.
/// </summary>
public sealed class ScreeningMemoryTests
{
    private static readonly Guid Officer = Guid.NewGuid();
    private static readonly DateTime Now = new(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc);
    private readonly ScreeningMemory memory = new(new EphemeralDataProtectionProvider(), secure: true);

    /// <summary>The cookies one response set, as the next request sends them.</summary>
    private static Dictionary<string, string> Sent(HttpContext response) =>
        SetCookieHeaderValue.ParseList([.. response.Response.Headers.SetCookie.Select(v => v ?? "")])
            .ToDictionary(c => c.Name.ToString(), c => c.Value.ToString());

    private static DefaultHttpContext Sending(IDictionary<string, string> cookies)
    {
        var http = new DefaultHttpContext();
        http.Request.Headers.Cookie = string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}"));
        return http;
    }

    [Fact]
    public void A_context_cookie_sent_as_the_answer_is_no_answer_and_the_answer_lives_ten_minutes()
    {
        var set = new DefaultHttpContext();
        var id = memory.RememberResult(set, Officer, new ScreenOutcome(new(ScreeningOutcome.Clear), "X1", Now));
        memory.RememberContext(set, Officer, "border-check", "CDG T2");
        var sent = Sent(set);
        var answer = SetCookieHeaderValue.ParseList([.. set.Response.Headers.SetCookie.Select(v => v ?? "")])
            .Single(c => c.Name == "passerelle.screen.result");

        var swapped = new Dictionary<string, string>
        {
            ["passerelle.screen.result"] = sent["passerelle.screen.context"],
            ["passerelle.screen.context"] = sent["passerelle.screen.result"],
        };

        Assert.Equal(TimeSpan.FromMinutes(10), answer.MaxAge);
        Assert.Equal(ScreeningOutcome.Clear, memory.RecallResult(Sending(sent), Officer, id, Now)!.Result.Result);
        Assert.Equal(("border-check", "CDG T2"), memory.RecallContext(Sending(sent), Officer));
        Assert.Null(memory.RecallResult(Sending(swapped), Officer, id, Now));
        Assert.Null(memory.RecallContext(Sending(swapped), Officer));
        Assert.Null(memory.RecallResult(Sending(sent), Guid.NewGuid(), id, Now));
        Assert.Null(memory.RecallResult(Sending(sent), Officer, id, Now.AddMinutes(11)));
    }

    [Fact]
    public void Signing_out_deletes_both_cookies_on_the_screening_path()
    {
        var http = new DefaultHttpContext();

        ScreeningMemory.Forget(http);

        var deleted = SetCookieHeaderValue.ParseList([.. http.Response.Headers.SetCookie.Select(v => v ?? "")]);
        Assert.Equal(["passerelle.screen.context", "passerelle.screen.result"], deleted.Select(c => c.Name.ToString()).Order());
        Assert.All(deleted, c => Assert.True(c.Expires < DateTimeOffset.UtcNow && c.Path == "/Screen"));
    }
}
