using System.Text.Json;
using System.Text.Json.Serialization;
using Passerelle.Core.Common;

namespace Passerelle.Cli;

internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadInput = 2;
}

internal static class CliOutput
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Prints an expected failure on standard error and picks the exit code: 2 for bad input, 1 otherwise.</summary>
    public static int Fail(Error error)
    {
        Console.Error.WriteLine($"error {error.Code}: {error.Message}");
        foreach (var (field, messages) in error.Fields ?? new Dictionary<string, string[]>())
        {
            foreach (var message in messages.Where(m => m != error.Message))
            {
                Console.Error.WriteLine($"  --{field}: {message}");
            }
        }

        return error.Kind is ErrorKind.Invalid or ErrorKind.TooLarge or ErrorKind.Unsupported ? ExitCodes.BadInput : ExitCodes.Failure;
    }

    public static int Fail(string message, int code = ExitCodes.Failure)
    {
        Console.Error.WriteLine($"error: {message}");
        return code;
    }

    public static void WriteJson<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Json));
}
