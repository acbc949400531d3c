using Smooth.Surveillance.Scanning;

namespace Smooth.Surveillance.Rules;

/// <summary>
/// Builds, on a background thread, what the first scans of a rule set need: the scan plans of tool results, tool calls
/// and writes, the first looks and gates of the injection rules, the injection score's families for text in no
/// script but ASCII and Latin, and the command rules. Nothing waits for it and nothing is skipped for it: everything it
/// builds is built on first use anyway (each once, whichever thread comes first), so a scan that arrives early builds
/// or waits for what it needs and runs with every rule.
/// </summary>
internal static class RuleSetWarmup
{
    /// <summary>Starts building <paramref name="set"/> on a background thread; completes when done (never faults).</summary>
    public static Task Start(RuleSet set)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Build(set);
            }
            catch (Exception)
            {
                // A regex that does not build fails the scan that needs it, with the same exception: nothing to do here.
            }
            finally
            {
                done.SetResult();
            }
        })
        {
            IsBackground = true,
            Name = "narc-warmup",
        };
        thread.Start();
        return done.Task;
    }

    // A scan that arrives at once builds what it needs in its own order (the tool result plan, then each injection
    // rule's first look, the score's families as matches come); this thread goes the other way round, so the two meet
    // in the middle instead of one waiting on each thing the other builds. The tool call's rules come last.
    private static void Build(RuleSet set)
    {
        set.PlanFor(ScanScope.Secrets | ScanScope.Injection);
        InjectionScore.Prepare(reverse: true);
        for (var i = set.Rules.Count - 1; i >= 0; i--)
        {
            var rule = set.Rules[i];
            if (rule.Category != RuleCategory.Injection) continue;
            if (rule.Spec.Gate is { } gate) set.GateFor(gate);
            else _ = rule.FirstLook;
        }
        set.PlanFor(ScanScope.Injection | ScanScope.NoDecoding);
        set.PlanFor(ScanScope.Commands);
        foreach (var rule in set.Rules)
        {
            if (rule.Category == RuleCategory.Command) rule.Build();
        }
        set.PlanFor(ScanScope.Secrets);
    }
}
