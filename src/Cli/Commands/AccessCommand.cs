using System.CommandLine;
using Smooth.Cli.Output;
using Smooth.Core;
using Smooth.Policy;
using Spectre.Console;

namespace Smooth.Cli.Commands;

/// <summary><c>th access policy</c>: the effective policy of the project and where each rule came from.</summary>
public static class AccessCommand
{
    /// <summary>Builds <c>th access</c>.</summary>
    public static Command Build()
    {
        var json = new Option<bool>("--json") { Description = "Print the rules as JSON: [{section, text, source, methods?, pathPrefix?}]" };
        var allowHost = new Option<string[]>("--allow-host") { Description = "Show the policy of a run started with these --allow-host rules" };
        var target = new Argument<string?>("target") { Description = "A pearl (adds the pearls its operator may see) or a run (adds the grants in force for it)", Arity = ArgumentArity.ZeroOrOne };
        var policy = new Command("policy", "The effective policy (defaults → organisation → user → project → run) and the source of every rule") { target, json, allowHost };
        policy.SetAction(async (parse, ct) =>
        {
            var root = ProjectLocator.RequireProjectRoot(Directory.GetCurrentDirectory());
            var hosts = parse.GetValue(allowHost) ?? [];
            try
            {
                Egress.AllowListGate.Parse(hosts);
            }
            catch (FormatException e)
            {
                throw new SmoothException($"--allow-host: {e.Message}", "use HOST, HOST:PORT, *.SUFFIX or an IP literal", ExitCodes.BadInput, e);
            }
            var set = PolicyLayers.Load(root).ForRun(hosts);
            var rules = new List<PolicyRule>(set.Rules);
            if (parse.GetValue(target) is { } t) rules.AddRange(await PolicyTarget.RulesAsync(root, set, t, ct));
            if (parse.GetValue(json))
            {
                CliOutput.Json(rules, CliJson.Default.IReadOnlyListPolicyRule);
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("section", "rule", "source");
            foreach (var r in rules)
            {
                var text = r.Text + (r.Methods is { Count: > 0 } m ? $" {string.Join('/', m)}" : "") + (r.PathPrefix is { } p ? $" {p}" : "");
                table.AddRow(Markup.Escape(r.Section), Markup.Escape(text), Markup.Escape(r.Source));
            }
            CliOutput.Human.Write(table);
            CliOutput.Line("Deny rules win over allow rules; a network request no rule allows is denied (and may be asked for).");
            return ExitCodes.Ok;
        });
        var access = new Command("access", "Wonk, the policy: what operators may reach, run, read and write");
        access.Add(policy);
        access.Add(AccessServeCommand.Build());
        AccessRequestCommands.AddTo(access);
        return access;
    }
}
