namespace Smooth.Llm.Config;

/// <summary>One problem in a configuration file: where (a JSON path such as <c>$.providers[1].api_url</c>) and what.</summary>
/// <param name="Path">The JSON path of the offending field.</param>
/// <param name="Message">What is wrong with it.</param>
public sealed record ConfigError(string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Message}";
}
