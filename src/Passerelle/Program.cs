using Passerelle;
using Passerelle.Cli;

// A host that starts Passerelle in-process (a test's WebApplicationFactory) passes only host settings such as
// --environment=Development; those, like 'passerelle serve', run the web server. Everything else is a verb.
return WebHostLaunch.IsHostSettingsOnly(args)
    ? await ServeCommand.RunAsync(args)
    : await CliApp.RunAsync(args);
