using Smooth.Operator.Tools.Background;
using Smooth.Operator.Tools.Crew;
using Smooth.Operator.Tools.Files;
using Smooth.Operator.Tools.Shell;

namespace Smooth.Operator.Tools;

/// <summary>The standard tools of an operator.</summary>
public static class ToolSet
{
    /// <summary>Every tool; <paramref name="proxy"/> is the egress proxy for <c>http_fetch</c>.</summary>
    public static IReadOnlyList<ITool> Standard(Uri? proxy) =>
    [
        new ReadFileTool(), new WriteFileTool(), new EditFileTool(), new ApplyPatchTool(), new ListFilesTool(), new GrepTool(),
        new BashTool(), new BgRunTool(), new BgStatusTool(), new BgLogsTool(), new BgKillTool(),
        new HttpFetchTool(proxy), new TodoTool(), new AskHumanTool(),
        new RememberTool(), new RecallRecentTool(), new PearlReadTool(), new PearlCreateTool(), new PearlCommentTool(),
    ];
}
