using System.CommandLine;
using Smooth.Audit.Scribe;
using Smooth.Cli.Output;
using Smooth.Core;
using Smooth.Sandbox.Bundles;
using Smooth.Sandbox.Review;
using Spectre.Console;

namespace Smooth.Cli.Commands;

/// <summary><c>th review list|show|accept|reject</c>: the diffs runs bring back, waiting for a person.</summary>
public static class ReviewCommand
{
    /// <summary>Builds <c>th review</c>.</summary>
    public static Command Build()
    {
        var review = new Command("review", "Review the diffs that sandbox runs bring back before they touch your tree");

        var all = new Option<bool>("--all") { Description = "Include decided reviews" };
        var json = new Option<bool>("--json") { Description = "Print as JSON" };
        var list = new Command("list", "Diffs waiting for review") { all, json };
        list.SetAction(async (parse, ct) =>
        {
            var (service, events) = await OpenAsync(ct);
            await using var _ = events;
            var reviews = await service.ListAsync(parse.GetValue(all), ct);
            if (parse.GetValue(json))
            {
                CliOutput.Json(reviews, BundleJson.Default.IReadOnlyListReviewRecord);
                return ExitCodes.Ok;
            }
            if (reviews.Count == 0)
            {
                CliOutput.Line("nothing waits for review");
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("id", "state", "files", "provider", "command", "created");
            foreach (var r in reviews)
            {
                table.AddRow(r.Id, r.State, r.FilesChanged.ToString(), r.Provider, Markup.Escape(r.Command), r.CreatedAt);
            }
            CliOutput.Human.Write(table);
            return ExitCodes.Ok;
        });

        var id = new Argument<string>("id") { Description = "The review id (the run id)" };
        var showJson = new Option<bool>("--json") { Description = "Print as JSON" };
        var show = new Command("show", "Print a review's diff") { id, showJson };
        show.SetAction(async (parse, ct) =>
        {
            var (service, events) = await OpenAsync(ct);
            await using var _ = events;
            var details = await service.ShowAsync(parse.GetValue(id)!, ct);
            if (parse.GetValue(showJson))
            {
                CliOutput.Json(details, BundleJson.Default.ReviewDetails);
                return ExitCodes.Ok;
            }
            CliOutput.Line($"review {details.Review.Id} ({details.Review.State}), base {details.BaseRef[..12]}, {details.Patches.Count} file(s)");
            foreach (var patch in details.Patches)
            {
                foreach (var line in patch.Diff.Split('\n'))
                {
                    var colour = line.StartsWith("+++") || line.StartsWith("---") ? "bold" : line.StartsWith('+') ? "green" : line.StartsWith('-') ? "red" : line.StartsWith("@@") ? "cyan" : null;
                    CliOutput.Markup(colour is null ? Markup.Escape(line) : $"[{colour}]{Markup.Escape(line)}[/]");
                }
            }
            return ExitCodes.Ok;
        });

        var acceptId = new Argument<string>("id") { Description = "The review id" };
        var accept = new Command("accept", "Apply the diff to your working tree (all or nothing)") { acceptId };
        accept.SetAction(async (parse, ct) =>
        {
            var (service, events) = await OpenAsync(ct);
            await using var _ = events;
            var outcome = await service.AcceptAsync(parse.GetValue(acceptId)!, ct);
            if (!outcome.Applied)
            {
                throw new SmoothException(outcome.Message, "bring your tree back to the run's base or resolve by hand; the review stays pending", ExitCodes.Conflict);
            }
            await Smooth.Orchestrator.Operators.ReviewOutcomes.RecordAsync(ProjectLocator.RequireProjectRoot(Directory.GetCurrentDirectory()), parse.GetValue(acceptId)!, accepted: true, ct);
            CliOutput.Line(outcome.Message);
            return ExitCodes.Ok;
        });

        var rejectId = new Argument<string>("id") { Description = "The review id" };
        var reject = new Command("reject", "Discard the diff") { rejectId };
        reject.SetAction(async (parse, ct) =>
        {
            var (service, events) = await OpenAsync(ct);
            await using var _ = events;
            await service.RejectAsync(parse.GetValue(rejectId)!, ct);
            await Smooth.Orchestrator.Operators.ReviewOutcomes.RecordAsync(ProjectLocator.RequireProjectRoot(Directory.GetCurrentDirectory()), parse.GetValue(rejectId)!, accepted: false, ct);
            CliOutput.Line("rejected; nothing was applied");
            return ExitCodes.Ok;
        });

        review.Add(list);
        review.Add(show);
        review.Add(accept);
        review.Add(reject);
        return review;
    }

    private static async Task<(ReviewService Service, ProjectAuditSink Events)> OpenAsync(CancellationToken ct)
    {
        var root = ProjectLocator.RequireProjectRoot(Directory.GetCurrentDirectory());
        var events = await ProjectAuditSink.OpenAsync(ProjectLocator.StateDir(root), ct);
        return (new ReviewService(root, events), events);
    }
}
