namespace Smooth.Surveillance.Scoring;

/// <summary>
/// The scorers a rule can name with <c>scorer:</c>, and their models, shipped inside the assembly. A shipped model is
/// read and validated once per process; a broken one fails every load of rules that use it.
/// </summary>
internal static class ScorerCatalog
{
    /// <summary>The learned prompt-injection scorer, version 1 (bench/Surveillance.Bench trains it).</summary>
    public const string InjectionLinearV1 = "injection-linear-v1";

    /// <summary>Every known scorer name.</summary>
    public static IReadOnlyList<string> Names { get; } = [InjectionLinearV1];

    private static readonly Lazy<LinearModel> Shipped = new(() => LinearModelFile.Read(ReadResource(InjectionLinearV1), $"the built-in model of scorer '{InjectionLinearV1}'"));

    /// <summary>True when <paramref name="name"/> is a known scorer.</summary>
    public static bool IsKnown(string name) => Names.Contains(name, StringComparer.Ordinal);

    /// <summary>
    /// The model of scorer <paramref name="name"/>: the shipped one, or one read from the bytes
    /// <paramref name="modelBytes"/> returns (tests of broken models). Throws <see cref="InvalidDataException"/> for a
    /// broken model and <see cref="ArgumentException"/> for an unknown name.
    /// </summary>
    public static LinearModel Load(string name, Func<string, byte[]>? modelBytes = null)
    {
        if (!IsKnown(name)) throw new ArgumentException($"scorer '{name}' is not known (known: {string.Join(", ", Names)})", nameof(name));
        return modelBytes is null ? Shipped.Value : LinearModelFile.Read(modelBytes(name), $"the model of scorer '{name}'");
    }

    private static byte[] ReadResource(string name)
    {
        using var stream = typeof(ScorerCatalog).Assembly.GetManifestResourceStream($"Smooth.Surveillance.{name}.bin")
            ?? throw new InvalidDataException($"the built-in model of scorer '{name}' is missing from the assembly");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
