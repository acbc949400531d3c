using Smooth.Governor.Parsers;

namespace Smooth.Governor;

/// <summary>
/// Reads a test run's result from its actual output. Runner-specific formats are tried first, then the plain line.
/// When no summary is found the run counts as failing (a crash or a build error must never look green).
/// </summary>
public static class TestOutputReader
{
    private static readonly ITestOutputParser[] Parsers =
    [
        new DotnetTestParser(), new PytestParser(), new CargoTestParser(), new JestParser(), new VitestParser(),
        new NodeTestParser(), new GoTestParser(), new PlainLineParser(),
    ];

    /// <summary>The recognised summary, or null when none of the known formats is present.</summary>
    public static TestSummary? Read(string output)
    {
        foreach (var parser in Parsers)
        {
            if (parser.TryParse(output) is { } summary) return summary;
        }
        return null;
    }
}
