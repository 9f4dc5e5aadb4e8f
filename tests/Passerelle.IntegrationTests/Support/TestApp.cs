using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Passerelle.Core.Common;
using Passerelle.Core.Data;
using Passerelle.Core.Trust.Access;
using Passerelle.Core.Trust.Agencies;
using Passerelle.Core.Trust.People;
using Passerelle.Core.Trust.Tokens;

namespace Passerelle.IntegrationTests.Support;

/// <summary>The real Passerelle app over a fresh database of its own, with helpers to build its world.</summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    public const string Password = "Test-Password-2026!";

    private readonly Dictionary<string, string?> settings;
    private readonly Action<IServiceCollection>? replace;

    private TestApp(Dictionary<string, string?> settings, Action<IServiceCollection>? replace)
    {
        this.settings = settings;
        this.replace = replace;
    }

    public CapturedLogs Logs { get; } = new();

    public Db Db { get; private init; }

    public string ConnectionString => settings["ConnectionStrings:Passerelle"]!;

    /// <summary>The address of the real server, when the app was started with <c>kestrel: true</c>.</summary>
    public Uri? BaseAddress { get; private set; }

    public static async Task<TestApp> StartAsync(
        Db db, IDictionary<string, string?>? extra = null, Action<IServiceCollection>? replace = null, bool migrate = true, bool kestrel = false)
    {
        var settings = await DatabaseSettingsAsync(db);
        settings["Blobs:Path"] = Path.Combine(Path.GetTempPath(), $"passerelle-blobs-{Guid.NewGuid():N}");
        // The in-memory server and the test browser speak plain HTTP; the tests of HTTPS itself turn it back on.
        settings["Https:Required"] = "false";
        var audit = Path.Combine(Path.GetTempPath(), $"passerelle-audit-{Guid.NewGuid():N}");
        settings["Audit:CheckpointPath"] = Path.Combine(audit, "audit-checkpoints.log");
        settings["Audit:CheckpointKeyPath"] = Path.Combine(audit, "audit-checkpoint.key");
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var app = new TestApp(settings, replace) { Db = db };
        if (db == Db.PostgreSql && migrate)
        {
            await using var context = app.NewContext();
            await context.Database.MigrateAsync();
        }

        if (kestrel)
        {
            // A browser needs a real socket: Kestrel on a free loopback port instead of the in-memory server.
            app.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
            app.StartServer();
            var addresses = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
                .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses;
            app.BaseAddress = new Uri(addresses.First());
        }
        else
        {
            _ = app.Server;
        }

        return app;
    }

    /// <summary>A second node: another app on the database of <paramref name="first"/>, with extra settings.</summary>
    public static Task<TestApp> StartNodeAsync(
        TestApp first, Action<IServiceCollection>? replace = null, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>(first.settings);
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var node = new TestApp(settings, replace) { Db = first.Db };
        _ = node.Server;
        return Task.FromResult(node);
    }

    /// <summary>Settings for a new empty database; PostgreSQL is left unmigrated.</summary>
    public static async Task<Dictionary<string, string?>> DatabaseSettingsAsync(Db db) => db switch
    {
        Db.Sqlite => new()
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Passerelle"] = $"Data Source={Path.Combine(Path.GetTempPath(), $"passerelle-test-{Guid.NewGuid():N}.db")}",
        },
        Db.PostgreSql => new()
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Passerelle"] = await (await PostgresCluster.GetAsync()).CreateDatabaseAsync(),
        },
    };

    /// <summary>
    /// Closes the pooled connections of this app's database too: hundreds of test apps would otherwise keep their idle
    /// connections for minutes and exhaust the throwaway cluster.
    /// </summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Db == Db.PostgreSql)
        {
            await using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
            Npgsql.NpgsqlConnection.ClearPool(connection);
        }
    }

    public PasserelleDb NewContext()
    {
        var builder = new DbContextOptionsBuilder<PasserelleDb>();
        DataSetup.Configure(builder, new DatabaseOptions
        {
            Provider = Db == Db.Sqlite ? DatabaseProvider.Sqlite : DatabaseProvider.PostgreSql,
            ConnectionString = ConnectionString,
        });
        return new PasserelleDb(builder.Options);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        if (replace is not null)
        {
            builder.ConfigureTestServices(replace);
        }
    }

    public async Task<T> RunAsync<THandler, T>(Func<THandler, Task<Result<T>>> operation)
        where THandler : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        var result = await operation(scope.ServiceProvider.GetRequiredService<THandler>());
        Assert.True(result.Succeeded, result.Error?.Message);
        return result.Value!;
    }

    public Task<AgencySummary> AddAgencyAsync(string code, string kind = "customs", string country = "FRA") =>
        RunAsync<AddAgency, AgencySummary>(h => h.HandleAsync(Actor.Console(), new AddAgencyRequest(code, $"Agency {code}", kind, country), default));

    /// <summary>A person who has already replaced the password they were given with <see cref="Password"/>.</summary>
    public async Task<UserSummary> AddUserAsync(string agency, string login, params string[] roles)
    {
        var user = await AddUserWithGivenPasswordAsync(agency, login, roles);
        await using var context = NewContext();
        await context.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.MustChangePassword, false));
        return user;
    }

    /// <summary>A new account as an administrator makes it: its password was chosen by someone else.</summary>
    public Task<UserSummary> AddUserWithGivenPasswordAsync(string agency, string login, params string[] roles) =>
        RunAsync<AddUser, UserSummary>(h => h.HandleAsync(Actor.Console(), new AddUserRequest(agency, login, roles, Password), default));

    /// <summary>A token for <paramref name="login"/> with the given scopes, or with every scope its roles allow.</summary>
    public async Task<string> TokenAsync(string login, params string[] scopes)
    {
        if (scopes.Length == 0)
        {
            await using var context = NewContext();
            var roles = await context.Users.Where(u => u.UserName == login)
                .SelectMany(u => context.UserRoles.Where(ur => ur.UserId == u.Id).Join(context.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!))
                .ToListAsync();
            scopes = [.. Scopes.AllowedFor(roles)];
        }

        var created = await RunAsync<CreateToken, CreatedToken>(h => h.HandleAsync(Actor.Console(), new CreateTokenRequest(login, scopes, 30, null), default));
        return created.Token;
    }

    public HttpClient ClientWithToken(string token)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
