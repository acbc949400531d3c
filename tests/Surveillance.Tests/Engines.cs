using Smooth.Core.Events;
using Smooth.Surveillance.Rules;

namespace Smooth.Surveillance.Tests;

/// <summary>Shared engines for tests (the built-in rules load once).</summary>
internal static class Engines
{
    public static RuleSet Builtin { get; } = RuleSetLoader.LoadBuiltin();

    public static SurveillanceEngine Create(EventRing? events = null, SurveillanceOptions? options = null) => new(Builtin, options, events);

    /// <summary>A synthetic secret for a rule, from its sample template with a fixed seed.</summary>
    public static string Sample(string ruleId, int seed = 7) => SampleTemplate.Expand(Builtin.Find(ruleId)!.Spec.Sample!, new Random(seed));

    public static string Json(string key, string value) => System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { [key] = value });

    public static string Json(IReadOnlyDictionary<string, string> values) => System.Text.Json.JsonSerializer.Serialize(values);
}
