using System.Text.RegularExpressions;

namespace Smooth.Governor.Parsers;

/// <summary>node --test: the TAP footer ("# pass 1", "# fail 1", "# skipped 1") or the spec reporter's "ℹ pass 1".</summary>
public sealed partial class NodeTestParser : ITestOutputParser
{
    /// <inheritdoc />
    public string Runner => "node";

    /// <inheritdoc />
    public TestSummary? TryParse(string output)
    {
        var pass = Footer("pass").Match(output);
        var fail = Footer("fail").Match(output);
        if (!pass.Success || !fail.Success) return null;
        var skipped = Footer("skipped").Match(output);
        var todo = Footer("todo").Match(output);
        var cancelled = Footer("cancelled").Match(output);
        return new TestSummary(Runner,
            int.Parse(pass.Groups["n"].Value),
            int.Parse(fail.Groups["n"].Value) + (cancelled.Success ? int.Parse(cancelled.Groups["n"].Value) : 0),
            (skipped.Success ? int.Parse(skipped.Groups["n"].Value) : 0) + (todo.Success ? int.Parse(todo.Groups["n"].Value) : 0));
    }

    private static Regex Footer(string word) => word switch
    {
        "pass" => Pass(),
        "fail" => Fail(),
        "skipped" => Skipped(),
        "todo" => Todo(),
        _ => Cancelled(),
    };

    [GeneratedRegex(@"^(?:#|ℹ) pass (?<n>\d+)\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Pass();
    [GeneratedRegex(@"^(?:#|ℹ) fail (?<n>\d+)\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Fail();
    [GeneratedRegex(@"^(?:#|ℹ) skipped (?<n>\d+)\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Skipped();
    [GeneratedRegex(@"^(?:#|ℹ) todo (?<n>\d+)\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Todo();
    [GeneratedRegex(@"^(?:#|ℹ) cancelled (?<n>\d+)\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Cancelled();
}
