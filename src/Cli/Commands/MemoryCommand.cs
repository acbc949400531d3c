using System.CommandLine;
using Smooth.Cli.Output;
using Smooth.Core;
using Smooth.Pearls;
using Spectre.Console;

namespace Smooth.Cli.Commands;

/// <summary><c>th memory add|recent</c>: learned context that persists between runs, stored with the pearls.</summary>
public static class MemoryCommand
{
    /// <summary>Builds the command group.</summary>
    public static Command Build()
    {
        var command = new Command("memory", "Learned context that persists (remember, recall recent, by source)");
        command.Add(Add());
        command.Add(Recent());
        return command;
    }

    private static Command Add()
    {
        var content = new Argument<string>("content") { Description = "What to remember" };
        var source = new Option<string>("--source", "-s") { Description = "Where it comes from (a pearl id, an operator, ...)", DefaultValueFactory = _ => "user" };
        var json = PearlsOptions.Json();
        var command = new Command("add", "Remember something") { content, source, json };
        command.SetAction(async (r, ct) =>
        {
            await using var store = await PearlsOptions.OpenStoreAsync(ct);
            var memory = await store.RememberAsync(r.GetValue(content)!, r.GetValue(source)!, ct);
            if (r.GetValue(json)) CliOutput.Json(memory, PearlsJsonContext.Default.Memory);
            else PearlsOptions.Done($"Remembered {memory.Id}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Recent()
    {
        var limit = new Option<int>("--limit", "-n") { Description = "How many", DefaultValueFactory = _ => 20 };
        var source = new Option<string?>("--source", "-s") { Description = "Only memories from this source" };
        var json = PearlsOptions.Json();
        var command = new Command("recent", "The most recent memories, newest first") { limit, source, json };
        command.SetAction(async (r, ct) =>
        {
            await using var store = await PearlsOptions.OpenStoreAsync(ct);
            var memories = await store.RecallRecentAsync(r.GetValue(limit), r.GetValue(source), ct);
            if (r.GetValue(json))
            {
                CliOutput.Json(memories, PearlsJsonContext.Default.IReadOnlyListMemory);
                return ExitCodes.Ok;
            }
            if (memories.Count == 0)
            {
                PearlsOptions.Done("No memories.");
                return ExitCodes.Ok;
            }
            var table = new Table().Border(TableBorder.Simple).AddColumn("id").AddColumn("when").AddColumn("source").AddColumn("content");
            foreach (var m in memories)
            {
                table.AddRow(PearlsView.Esc(m.Id), m.CreatedAt.ToString("u"), PearlsView.Esc(m.Source), PearlsView.Esc(m.Content));
            }
            CliOutput.Human.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
