using Smooth.Core.Events;
using Smooth.Surveillance.Rules;

namespace Smooth.Surveillance.Tests;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Checks_run_in_parallel_while_the_rules_are_swapped()
    {
        var events = new EventRing();
        var engine = Engines.Create(events);
        var token = Engines.Sample("github-pat");
        var withExtra = RuleSetLoader.Build([
            RuleFileParser.Parse(RuleSetLoader.ReadBuiltinText(), RuleSetLoader.BuiltinSource),
            RuleFileParser.Parse("disable: [cmd-env-dump]\n", "project.yaml"),
        ]);
        using var cts = new CancellationTokenSource();
        var swapper = Task.Run(async () =>
        {
            for (var i = 0; !cts.IsCancellationRequested; i++)
            {
                engine.ReplaceRules(i % 2 == 0 ? withExtra : Engines.Builtin);
                await Task.Yield();
            }
        });
        var workers = Enumerable.Range(0, 8).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < 200; i++)
            {
                var scan = engine.ScanToolResult("read_file", $"line {i}\nTOKEN={token}\n");
                Assert.DoesNotContain(token, scan.RedactedText);
                Assert.Equal(VerdictDecision.Block, engine.CheckToolCall("bash", Engines.Json("command", "rm -rf /")).Decision);
                Assert.Equal(VerdictDecision.Allow, engine.CheckToolCall("bash", Engines.Json("command", "ls -la")).Decision);
            }
        })).ToArray();
        await Task.WhenAll(workers);
        cts.Cancel();
        await swapper;
    }
}
