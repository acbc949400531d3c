using Smooth.Surveillance.Scanning;

namespace Smooth.Surveillance.Rules;

/// <summary>
/// Builds, on background threads, what the first tool result scans of a rule set need: the scan plans, the first looks
/// and gates of the injection rules, and the injection score's families for ASCII text. Nothing waits for it and nothing is skipped for it: everything it builds is built on first use
/// anyway (each once, whichever thread comes first), so a scan that arrives early builds or waits for what it needs
/// and runs with every rule.
/// </summary>
internal static class RuleSetWarmup
{
    // The linear engine's builds are single-threaded: two builders use two cores (Smooth's hosts have at least two).
    private static readonly int Builders = Math.Clamp(Environment.ProcessorCount, 1, 2);

    /// <summary>Starts building <paramref name="set"/> on background threads; completes when done (never faults).</summary>
    public static Task Start(RuleSet set)
    {
        var builds = Builds(set);
        var next = -1;
        var running = Builders;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        for (var t = 0; t < Builders; t++)
        {
            var thread = new Thread(() =>
            {
                for (var i = Interlocked.Increment(ref next); i < builds.Count; i = Interlocked.Increment(ref next))
                {
                    try
                    {
                        builds[i]();
                    }
                    catch (Exception)
                    {
                        // A regex that does not build fails the scan that needs it, with the same exception.
                    }
                }
                if (Interlocked.Decrement(ref running) == 0) done.SetResult();
            })
            {
                IsBackground = true,
                Name = "narc-warmup",
            };
            thread.Start();
        }
        return done.Task;
    }

    // In the order a first tool result needs them: a scan that arrives at once then mostly waits on builds already
    // under way, on both cores, instead of building alone. Tool calls and writes are left to build what they need:
    // their rules open on rare keywords, so a call builds one or two small regexes, not all of them.
    private static List<Action> Builds(RuleSet set)
    {
        var families = InjectionScore.FamilyBuilds(out var anchorsFrom);
        var builds = new List<Action> { () => set.PlanFor(ScanScope.Secrets | ScanScope.Injection) };
        builds.AddRange(families[..anchorsFrom]);
        foreach (var rule in set.Rules)
        {
            if (rule.Category != RuleCategory.Injection) continue;
            if (rule.Spec.Gate is { } gate) builds.Add(() => set.GateFor(gate));
            else builds.Add(() => _ = rule.FirstLook);
        }
        builds.AddRange(families[anchorsFrom..]);
        builds.Add(() => set.PlanFor(ScanScope.Injection | ScanScope.NoDecoding));
        return builds;
    }
}
