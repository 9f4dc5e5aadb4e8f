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

    /// <summary>
    /// Prints an expected failure on standard error and picks the exit code: 2 for bad input, 1 otherwise.
    /// </summary>
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

        return error.Kind is ErrorKind.Invalid or ErrorKind.TooLarge or ErrorKind.Unsupported
            ? ExitCodes.BadInput
            : ExitCodes.Failure;
    }

    public static int Fail(string message, int code = ExitCodes.Failure)
    {
        Console.Error.WriteLine($"error: {message}");
        return code;
    }

    public static void WriteJson<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Json));

    /// <summary>
    /// Prints what a verb did and exits 0, or prints its failure and exits as <see cref="Fail(Error)"/> says.
    /// </summary>
    public static int Print<T>(this Result<T> result, Action<T> print)
    {
        if (!result.Succeeded)
        {
            return Fail(result.Error);
        }

        print(result.Value);
        return ExitCodes.Success;
    }

    /// <inheritdoc cref="Print{T}(Result{T}, Action{T})"/>
    public static async Task<int> PrintAsync<T>(this Task<Result<T>> pending, Action<T> print) =>
        (await pending).Print(print);

    /// <summary>A list as JSON when asked (<c>--json</c>), or else one line per item.</summary>
    public static Task<int> PrintListAsync<T>(
        this Task<Result<IReadOnlyList<T>>> pending, bool json, Func<T, string> line) =>
        pending.PrintAsync(items =>
        {
            if (json)
            {
                WriteJson(items);
                return;
            }

            foreach (var item in items)
            {
                Console.Out.WriteLine(line(item));
            }
        });

    /// <summary>Writes what a verb found (an export) and exits 0, or prints its failure.</summary>
    public static Task<int> WriteAsync<T>(this Task<Result<T>> pending, Func<T, Task> write) =>
        pending.ExitAsync(async value =>
        {
            await write(value);
            return ExitCodes.Success;
        });

    /// <summary>
    /// Prints what a verb found, whose exit code says more than success: a broken chain, rejected rows.
    /// </summary>
    public static Task<int> ExitAsync<T>(this Task<Result<T>> pending, Func<T, int> print) =>
        pending.ExitAsync(value => Task.FromResult(print(value)));

    /// <inheritdoc cref="ExitAsync{T}(Task{Result{T}}, Func{T, int})"/>
    public static async Task<int> ExitAsync<T>(this Task<Result<T>> pending, Func<T, Task<int>> print)
    {
        var result = await pending;
        return result.Succeeded ? await print(result.Value) : Fail(result.Error);
    }
}
