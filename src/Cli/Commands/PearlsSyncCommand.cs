using System.CommandLine;
using Smooth.Cli.Output;
using Smooth.Core;
using Smooth.Pearls;
using Smooth.Pearls.Sync;

namespace Smooth.Cli.Commands;

/// <summary><c>th pearls export|import|push|pull</c>: pearls and memories travelling with git.</summary>
public static class PearlsSyncCommand
{
    /// <summary>Builds the four commands (added to the pearls group).</summary>
    public static IEnumerable<Command> Build()
    {
        yield return Export();
        yield return Import();
        yield return Push();
        yield return Pull();
    }

    private static Option<string?> FileOption() => new("--file", "-f") { Description = "The JSONL file (default .smooth/pearls.jsonl)" };

    private static Option<string> RemoteOption() => new("--remote") { Description = "Git remote name or URL", DefaultValueFactory = _ => "origin" };

    private static Command Export()
    {
        var file = FileOption();
        var command = new Command("export", "Write every pearl and memory to a line-per-record JSON file (stable order, small git diffs)") { file };
        command.SetAction(async (r, ct) =>
        {
            var path = r.GetValue(file) ?? PearlsJsonl.PathFor(PearlsOptions.ProjectRoot());
            await using var store = await PearlsOptions.OpenStoreAsync(ct);
            var count = await PearlsJsonl.ExportAsync(store, path, ct);
            PearlsOptions.Done($"Exported {count} records to {path}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Import()
    {
        var file = FileOption();
        var json = PearlsOptions.Json();
        var command = new Command("import", "Merge a JSONL file into the store by id and update time (idempotent; reports conflicts)") { file, json };
        command.SetAction(async (r, ct) =>
        {
            var path = r.GetValue(file) ?? PearlsJsonl.PathFor(PearlsOptions.ProjectRoot());
            await using var store = await PearlsOptions.OpenStoreAsync(ct);
            var report = await PearlsJsonl.ImportAsync(store, path, ct);
            if (r.GetValue(json)) CliOutput.Json(report, PearlsJsonContext.Default.ImportReport);
            else PrintReport(report);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Push()
    {
        var remote = RemoteOption();
        var json = PearlsOptions.Json();
        var command = new Command("push", $"Merge with the remote's pearls, then push them through {GitRefSync.RefName} (your branches are untouched)") { remote, json };
        command.SetAction(async (r, ct) =>
        {
            await using var store = await PearlsOptions.OpenStoreAsync(ct);
            var result = await new GitRefSync(PearlsOptions.ProjectRoot()).PushAsync(store, r.GetValue(remote)!, ct);
            if (r.GetValue(json))
            {
                CliOutput.Json(result, PearlsJsonContext.Default.SyncResult);
                return ExitCodes.Ok;
            }
            if (result.Merged is { } m) PrintReport(m);
            PearlsOptions.Done(result.Changed
                ? $"Pushed {result.Records} records to {result.Remote} {GitRefSync.RefName} ({result.Commit![..12]})"
                : $"{result.Remote} {GitRefSync.RefName} is already up to date ({result.Records} records)");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Pull()
    {
        var remote = RemoteOption();
        var json = PearlsOptions.Json();
        var command = new Command("pull", $"Fetch {GitRefSync.RefName} from a remote and merge its pearls and memories into the store") { remote, json };
        command.SetAction(async (r, ct) =>
        {
            await using var store = await PearlsOptions.OpenStoreAsync(ct);
            var result = await new GitRefSync(PearlsOptions.ProjectRoot()).PullAsync(store, r.GetValue(remote)!, ct);
            if (r.GetValue(json))
            {
                CliOutput.Json(result, PearlsJsonContext.Default.SyncResult);
                return ExitCodes.Ok;
            }
            PrintReport(result.Merged!);
            PearlsOptions.Done($"Pulled {result.Remote} {GitRefSync.RefName} ({result.Commit![..12]})");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void PrintReport(ImportReport r)
    {
        PearlsOptions.Done($"pearls: {r.Added} added, {r.Updated} updated, {r.Unchanged} unchanged, {r.KeptLocal} kept local; " +
                           $"memories: {r.MemoriesAdded} added, {r.MemoriesUnchanged} unchanged; {r.Conflicts.Count} conflicts");
        foreach (var c in r.Conflicts)
        {
            PearlsOptions.Done($"  conflict {c.Id}: {c.Reason}: {c.Resolution}");
        }
    }
}
