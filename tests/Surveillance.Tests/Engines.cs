using Smooth.Core.Events;
using Smooth.Surveillance.Rules;

namespace Smooth.Surveillance.Tests;

/// <summary>Shared engines for tests (the built-in rules load once).</summary>
internal static class Engines
{
    public static RuleSet Builtin { get; } = RuleSetLoader.LoadBuiltin();

    public static SurveillanceEngine Create(EventRing? events = null, SurveillanceOptions? options = null) => new(Builtin, options, events);

    /// <summary>
    /// True when an injection rule (not the learned scorer, which has its own tests) flags <paramref name="text"/> as a
    /// fetched tool result.
    /// </summary>
    public static bool RulesFlagInjection(string text) =>
        Create().ScanToolResult("web_fetch", text).Findings.Any(f => f.RuleId.StartsWith("injection", StringComparison.Ordinal) && f.Score is null);

    /// <summary>A synthetic secret for a rule, from its sample template with a fixed seed.</summary>
    public static string Sample(string ruleId, int seed = 7) => SampleTemplate.Expand(Builtin.Find(ruleId)!.Spec.Sample!, new Random(seed));

    public static string Json(string key, string value) => System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { [key] = value });

    public static string Json(IReadOnlyDictionary<string, string> values) => System.Text.Json.JsonSerializer.Serialize(values);
}
