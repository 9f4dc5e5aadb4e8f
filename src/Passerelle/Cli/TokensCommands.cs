using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Passerelle.Core.Trust.Tokens;

namespace Passerelle.Cli;

internal static class TokensCommands
{
    public static Command Create()
    {
        var user = new Option<string>("--user") { Description = "Login of the token's owner.", Required = true };
        var scope = new Option<string[]>("--scope")
        {
            Description = "One or more scopes, such as users:read.",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var expires = new Option<int>("--expires")
        {
            Description = $"Lifetime in days, written like 90d (1 to {CreateToken.MaxDays}).",
            DefaultValueFactory = _ => CreateToken.DefaultDays,
            CustomParser = ParseDays,
        };
        var name = new Option<string?>("--name") { Description = "A name to recognise the token by." };
        var create = new Command("create", "Create an API token and print it on standard output, once.")
        {
            user, scope, expires, name,
        };
        create.Run(async (parse, services, actor, ct) =>
        {
            var request = new CreateTokenRequest(
                parse.GetValue(user), parse.GetValue(scope), parse.GetValue(expires), parse.GetValue(name));
            var created = services.GetRequiredService<CreateToken>().HandleAsync(actor, request, ct);
            return await created.PrintAsync(token =>
            {
                Console.Out.WriteLine(token.Token);
                Console.Error.WriteLine(
                    $"Token {token.Id} for {token.User}, expires {token.ExpiresAt:u}. It is not shown again.");
            });
        });

        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var list = new Command("list", "List tokens, never their secrets.") { json };
        list.Run((parse, services, actor, ct) =>
            services.GetRequiredService<ListTokens>().HandleAsync(actor, ct).PrintListAsync(parse.GetValue(json), t =>
            {
                var state = t.RevokedAt is not null ? "revoked" : t.ExpiresAt <= DateTime.UtcNow ? "expired" : "active";
                return $"{t.Id} {t.Prefix}… {t.User,-20} {state,-8} {t.ExpiresAt:u} {string.Join(' ', t.Scopes)}";
            }));

        var id = new Argument<Guid>("id") { Description = "The token's id, from 'tokens list'." };
        var revoke = new Command("revoke", "Revoke a token; it is refused from its next use.") { id };
        revoke.Run((parse, services, actor, ct) => services.GetRequiredService<RevokeToken>()
            .HandleAsync(actor, parse.GetValue(id), ct)
            .PrintAsync(_ => Console.Out.WriteLine($"Revoked {parse.GetValue(id)}.")));

        return new Command("tokens", "Manage API tokens.") { create, list, revoke };
    }

    private static int ParseDays(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value.Trim() : "";
        var digits = text.EndsWith('d') ? text[..^1] : text;
        if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var days))
        {
            return days;
        }

        result.AddError($"--expires takes a number of days, such as 90d; '{text}' is not one.");
        return 0;
    }
}
