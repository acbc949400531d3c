using System.Text;
using System.Text.Json;
using Smooth.Core;
using Smooth.Core.IO;

namespace Smooth.Pearls.Sync;

/// <summary>
/// The line-per-record file <c>.smooth/pearls.jsonl</c>: compact JSON, one record per line, pearls by id then memories by id,
/// keys in a fixed order, '\n' line ends. A change to one pearl changes one line, so git diffs and merges stay small.
/// </summary>
public static class PearlsJsonl
{
    /// <summary>The file name inside <c>.smooth/</c>.</summary>
    public const string FileName = "pearls.jsonl";

    /// <summary>Largest file accepted on import (guards memory against a hostile or broken file).</summary>
    public const long MaxFileBytes = 512L * 1024 * 1024;

    /// <summary>Where the file of the project at <paramref name="projectRoot"/> lives.</summary>
    public static string PathFor(string projectRoot) => Path.Combine(ProjectLocator.StateDir(projectRoot), FileName);

    /// <summary>Renders records as the file's text.</summary>
    public static string Write(IEnumerable<JsonlRecord> records)
    {
        var sb = new StringBuilder();
        foreach (var record in records)
        {
            sb.Append(JsonSerializer.Serialize(record, PearlsJsonContext.Default.JsonlRecord)).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Parses the file's text; a malformed line is a BadInput error naming <paramref name="source"/> and the line.</summary>
    public static IReadOnlyList<JsonlRecord> Read(string text, string source)
    {
        var records = new List<JsonlRecord>();
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                continue;
            }
            JsonlRecord? record;
            try
            {
                record = JsonSerializer.Deserialize(line, PearlsJsonContext.Default.JsonlRecord);
            }
            catch (JsonException e)
            {
                throw new SmoothException($"{source} line {lineNumber} is not a valid record: {e.Message}",
                    "fix the line (each line is one JSON object with \"kind\": \"pearl\" or \"memory\" first) or regenerate the file with 'th pearls export'; nothing was imported",
                    ExitCodes.BadInput, e);
            }
            catch (NotSupportedException e)
            {
                throw new SmoothException($"{source} line {lineNumber} has an unknown or misplaced \"kind\": {e.Message}",
                    "the first key of each line must be \"kind\" with value \"pearl\" or \"memory\"; nothing was imported", ExitCodes.BadInput, e);
            }
            if (record is not (PearlRecord or MemoryRecord))
            {
                throw new SmoothException($"{source} line {lineNumber} is not a pearl or memory record",
                    "the first key of each line must be \"kind\" with value \"pearl\" or \"memory\"; nothing was imported", ExitCodes.BadInput);
            }
            records.Add(record);
        }
        return records;
    }

    /// <summary>Exports the whole store to <paramref name="path"/> atomically; returns the number of records.</summary>
    public static async Task<int> ExportAsync(IPearlStore store, string path, CancellationToken ct)
    {
        var records = await store.ExportAsync(ct);
        await AtomicFile.WriteAllTextAsync(path, Write(records), ct);
        return records.Count;
    }

    /// <summary>Imports <paramref name="path"/> into the store.</summary>
    public static async Task<ImportReport> ImportAsync(IPearlStore store, string path, CancellationToken ct)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new SmoothException($"'{path}' does not exist", "run 'th pearls export' on the other side, or give the file with --file", ExitCodes.NotFound);
        }
        if (info.Length > MaxFileBytes)
        {
            throw new SmoothException($"'{path}' is larger than {MaxFileBytes / (1024 * 1024)} MiB", "split the file or check that it is a pearls export", ExitCodes.BadInput);
        }
        var text = await File.ReadAllTextAsync(path, ct);
        return await store.ImportAsync(Read(text, path), ct);
    }
}
