using System.CommandLine;
using Smooth.Cli.Output;
using Smooth.Core;
using Smooth.Pearls.Storage;

namespace Smooth.Cli.Commands;

/// <summary>Options and helpers shared by the pearls and memory commands.</summary>
internal static class PearlsOptions
{
    /// <summary>A fresh <c>--json</c> option (System.CommandLine options belong to one command).</summary>
    public static Option<bool> Json() => new("--json") { Description = "Print machine-readable JSON (shape documented in docs/pearls.md)" };

    /// <summary>A pearl id argument.</summary>
    public static Argument<string> Id(string name = "id", string description = "The pearl id, e.g. th-1a2b3c") => new(name) { Description = description };

    /// <summary>Opens the store of the project around the current directory.</summary>
    public static Task<SqlitePearlStore> OpenStoreAsync(CancellationToken ct) =>
        SqlitePearlStore.OpenForProjectAsync(Directory.GetCurrentDirectory(), ct);

    /// <summary>The project root around the current directory.</summary>
    public static string ProjectRoot() => ProjectLocator.RequireProjectRoot(Directory.GetCurrentDirectory());

    /// <summary>Reads a JSON value given on the command line; a parse error is BadInput.</summary>
    public static System.Text.Json.JsonElement ParseJson(string text, string what)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(text);
            return doc.RootElement.Clone();
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new SmoothException($"{what} is not valid JSON: {e.Message}", "quote the JSON for your shell, e.g. --outputs '{\"pr\":12}'", ExitCodes.BadInput);
        }
    }

    /// <summary>Prints a single-line confirmation for humans.</summary>
    public static void Done(string text) => CliOutput.Line(text);
}
