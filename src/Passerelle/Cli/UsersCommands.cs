using System.CommandLine;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.People;

namespace Passerelle.Cli;

internal static class UsersCommands
{
    public static Command Create()
    {
        var agency = new Option<string>("--agency") { Description = "The agency's code.", Required = true };
        var login = new Option<string>("--login") { Description = "Lower-case login.", Required = true };
        var role = new Option<string[]>("--role")
        {
            Description = $"One or more of {string.Join(", ", Roles.All)}.",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        role.AcceptOnlyFromAmong([.. Roles.All]);
        var passwordStdin = new Option<bool>("--password-stdin")
        {
            Description = "Read the password from standard input (required: passwords never go on the command line).",
        };
        var add = new Command("add", "Add a person to an agency.") { agency, login, role, passwordStdin };
        add.Run(async (parse, services, actor, ct) =>
        {
            if (!parse.GetValue(passwordStdin))
            {
                return CliOutput.Fail(
                    "give --password-stdin and pipe the password in; it never goes on the command line.",
                    ExitCodes.BadInput);
            }

            var password = (await Console.In.ReadLineAsync(ct))?.TrimEnd('\r', '\n');
            var request = new AddUserRequest(
                parse.GetValue(agency), parse.GetValue(login), parse.GetValue(role), password);
            return await services.GetRequiredService<AddUser>().HandleAsync(actor, request, ct)
                .PrintAsync(added => Console.Out.WriteLine($"Added {added.Login} to {added.Agency}."));
        });

        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var of = new Option<string?>("--agency") { Description = "Only this agency's people." };
        var list = new Command("list", "List people.") { json, of };
        list.Run((parse, services, actor, ct) => services.GetRequiredService<ListUsers>()
            .HandleAsync(actor, parse.GetValue(of), ct)
            .PrintListAsync(parse.GetValue(json), u => $"{u.Login,-24} {u.Agency,-20} {string.Join(',', u.Roles),-28} "
                + $"{(u.TotpEnabled ? "totp" : ""),-5} {(u.Disabled ? "disabled" : "")}"));

        var who = new Argument<string>("login") { Description = "The person's login." };
        var disable = new Command("disable", "Disable a person: no sign-in, and their tokens stop working.") { who };
        disable.Run((parse, services, actor, ct) => services.GetRequiredService<DisableUser>()
            .HandleAsync(actor, parse.GetValue(who)!, ct)
            .PrintAsync(disabled => Console.Out.WriteLine($"Disabled {disabled.Login}.")));

        var resetWho = new Argument<string>("login") { Description = "The person's login." };
        var reset = new Command(
            "reset",
            "Give a person a one-time password (printed on stdout, alone) and clear their second factor; they "
            + "choose their own at next sign-in.")
        {
            resetWho,
        };
        reset.Run((parse, services, actor, ct) => services.GetRequiredService<ResetPassword>()
            .HandleAsync(actor, parse.GetValue(resetWho)!, ct)
            .PrintAsync(done => Console.Out.WriteLine(done.OneTimePassword)));

        var rolesWho = new Argument<string>("login") { Description = "The person's login." };
        var newRoles = new Option<string[]>("--role")
        {
            Description = $"The person's roles from now on: one or more of {string.Join(", ", Roles.All)}.",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        newRoles.AcceptOnlyFromAmong([.. Roles.All]);
        var roles = new Command("roles", "Replace a person's roles.") { rolesWho, newRoles };
        roles.Run(async (parse, services, actor, ct) =>
        {
            var request = new ChangeUserRolesRequest(parse.GetValue(newRoles));
            return await services.GetRequiredService<ChangeUserRoles>()
                .HandleAsync(actor, parse.GetValue(rolesWho)!, request, ct)
                .PrintAsync(changed =>
                    Console.Out.WriteLine($"{changed.Login} now holds {string.Join(", ", changed.Roles)}."));
        });

        return new Command("users", "Manage people.") { add, list, disable, reset, roles };
    }
}
