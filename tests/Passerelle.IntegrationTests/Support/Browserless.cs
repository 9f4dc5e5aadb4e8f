using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Passerelle.IntegrationTests.Support;

/// <summary>Drives the UI's forms over HTTP, with cookies and antiforgery tokens, as a browser would.</summary>
public sealed partial class Browserless(TestApp app, bool followRedirects = true)
{
    public HttpClient Client { get; } =
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects, HandleCookies = true });

    /// <summary>The antiforgery token on <paramref name="html"/>, for posting to any page as this person.</summary>
    public static string AntiforgeryToken(string html)
    {
        var token = AntiforgeryField().Match(html);
        Assert.True(token.Success, "no antiforgery token");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    public async Task<(HttpResponseMessage Response, string Html)> GetAsync(string path)
    {
        var response = await Client.GetAsync(path);
        return (response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Loads <paramref name="page"/>, then posts <paramref name="fields"/> with the page's antiforgery token.</summary>
    public async Task<(HttpResponseMessage Response, string Html)> PostFormAsync(string page, string action, params (string Name, string Value)[] fields)
    {
        var (_, html) = await GetAsync(page);
        var token = AntiforgeryField().Match(html);
        Assert.True(token.Success, $"no antiforgery token on {page}");
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)));
        var response = await Client.PostAsync(action, new FormUrlEncodedContent(form));
        return (response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Loads <paramref name="page"/>, then posts a file to it as a form would.</summary>
    public async Task<(HttpResponseMessage Response, string Html)> PostFileAsync(string page, string field, string fileName, byte[] content, params (string Name, string Value)[] fields)
    {
        var (_, html) = await GetAsync(page);
        var token = AntiforgeryField().Match(html);
        Assert.True(token.Success, $"no antiforgery token on {page}");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken" },
            { new ByteArrayContent(content), field, fileName },
        };
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        var response = await Client.PostAsync(page, form);
        return (response, await response.Content.ReadAsStringAsync());
    }

    public static string Inner(string html, string id)
    {
        var match = Regex.Match(html, $"id=\"{Regex.Escape(id)}\"[^>]*>([^<]*)<", RegexOptions.CultureInvariant);
        Assert.True(match.Success, $"no element #{id}");
        return WebUtility.HtmlDecode(match.Groups[1].Value).Trim();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex AntiforgeryField();
}
