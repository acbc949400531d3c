namespace Smooth.Governor.Parsers;

/// <summary>Reads one test runner's summary lines out of its output.</summary>
public interface ITestOutputParser
{
    /// <summary>The runner name reported in <see cref="TestSummary.Runner"/>.</summary>
    string Runner { get; }

    /// <summary>The summary, or null when the output holds none of this runner's summary lines.</summary>
    TestSummary? TryParse(string output);
}
