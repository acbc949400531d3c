using System.CommandLine;
using Smooth.Cli.Output;
using Smooth.Core;
using Smooth.Pearls;
using Smooth.Pearls.Model;

namespace Smooth.Cli.Commands;

/// <summary><c>th pearls dep add|remove</c>: dependencies between pearls.</summary>
public static class PearlsDepCommand
{
    /// <summary>Builds the command group.</summary>
    public static Command Build()
    {
        var command = new Command("dep", "Dependencies between pearls");
        command.Add(Add());
        command.Add(Remove());
        return command;
    }

    private static Command Add()
    {
        var id = PearlsOptions.Id("id", "The pearl that depends");
        var on = PearlsOptions.Id("depends-on", "The pearl it depends on");
        var kind = new Option<string>("--kind", "-k") { Description = "blocks (must close first; cycles refused) or related", DefaultValueFactory = _ => "blocks" };
        var json = PearlsOptions.Json();
        var command = new Command("add", "Make a pearl depend on another") { id, on, kind, json };
        command.SetAction(async (r, ct) =>
        {
            var k = PearlNames.ParseKind(r.GetValue(kind)!);
            await using var store = await PearlsOptions.OpenStoreAsync(ct);
            var dep = await store.AddDependencyAsync(r.GetValue(id)!, r.GetValue(on)!, k, ct);
            if (r.GetValue(json)) CliOutput.Json(dep, PearlsJsonContext.Default.PearlDependency);
            else PearlsOptions.Done($"{dep.PearlId} now depends on {dep.DependsOn} ({PearlNames.Name(dep.Kind)})");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Remove()
    {
        var id = PearlsOptions.Id("id", "The pearl that depends");
        var on = PearlsOptions.Id("depends-on", "The pearl it depends on");
        var command = new Command("remove", "Remove a dependency") { id, on };
        command.SetAction(async (r, ct) =>
        {
            await using var store = await PearlsOptions.OpenStoreAsync(ct);
            await store.RemoveDependencyAsync(r.GetValue(id)!, r.GetValue(on)!, ct);
            PearlsOptions.Done($"Removed the dependency of {r.GetValue(id)!.Trim().ToLowerInvariant()} on {r.GetValue(on)!.Trim().ToLowerInvariant()}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
