using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Spectre.Console;

namespace Smooth.Cli.Output;

/// <summary>
/// The two ways <c>th</c> talks: human output (Spectre.Console) on stdout, machine output (<c>--json</c>) on stdout,
/// and errors with a hint on stderr.
/// </summary>
public static class CliOutput
{
    private static readonly Lazy<IAnsiConsole> Stdout = new(() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Console.Out),
        Ansi = Console.IsOutputRedirected || Environment.GetEnvironmentVariable("NO_COLOR") is not null ? AnsiSupport.No : AnsiSupport.Detect,
        ColorSystem = Console.IsOutputRedirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
    }));

    /// <summary>The console for human-readable output.</summary>
    public static IAnsiConsole Human => Stdout.Value;

    /// <summary>Writes <paramref name="value"/> as indented JSON on one document to stdout, using source-generated metadata.</summary>
    public static void Json<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        using var stdout = Console.OpenStandardOutput();
        using (var writer = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true }))
        {
            JsonSerializer.Serialize(writer, value, typeInfo);
        }
        stdout.Write("\n"u8);
    }

    /// <summary>Writes one compact JSON line (for streams of events).</summary>
    public static void JsonLine<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        Console.Out.WriteLine(JsonSerializer.Serialize(value, typeInfo));
        Console.Out.Flush();
    }

    /// <summary>Writes a plain line to stdout.</summary>
    public static void Line(string text) => Console.Out.WriteLine(text);

    /// <summary>Writes markup (Spectre syntax) to stdout; escape user text with <see cref="Markup.Escape"/>.</summary>
    public static void Markup(string markup) => Stdout.Value.MarkupLine(markup);

    /// <summary>Writes an error and, when given, what to do about it, to stderr.</summary>
    public static void Error(string message, string? hint)
    {
        Console.Error.WriteLine($"error: {message}");
        if (!string.IsNullOrWhiteSpace(hint))
        {
            Console.Error.WriteLine($"hint: {hint}");
        }
    }
}
