using Passerelle.Ceiling;

// The ceiling under screening over HTTP on this machine: the same JSON in and out as POST /api/v1/documents/screen,
// answered from a dictionary of the generated register, with no authentication, no audit and no database.
// bench/screen-http.sh runs it beside Passerelle and reports Passerelle as a fraction of it.
// Usage: Ceiling --urls http://127.0.0.1:PORT --records FILE.csv --owner AGENCY-CODE
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.ConfigureHttpJsonOptions(
    json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, WireJson.Default));

var register = Register.Load(
    builder.Configuration["records"] ?? throw new InvalidOperationException("Give --records FILE.csv."),
    builder.Configuration["owner"] ?? "BENCH-POLICE");
var app = builder.Build();
app.MapPost("/api/v1/documents/screen", (ScreenRequest request) => register.Screen(request));
app.MapGet("/health/ready", () => $"{register.Count} records");
app.Run();
