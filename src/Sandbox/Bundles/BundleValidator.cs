using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Smooth.Core;
using Smooth.Sandbox.Diffs;

namespace Smooth.Sandbox.Bundles;

/// <summary>
/// Validates a bundle directory before anything in it is trusted: no symlinks anywhere, size and file-count bounds,
/// every file strictly inside the root, JSON within depth, array and string bounds, a known schema version, and every
/// diff-bundle entry's path safe. Each violation is its own error naming the file.
/// </summary>
public static class BundleValidator
{
    /// <summary>Checks the whole directory tree of a bundle.</summary>
    public static void CheckTree(string root, BundleLimits limits)
    {
        var rootInfo = new DirectoryInfo(root);
        if (rootInfo.LinkTarget is not null) throw Invalid(root, "the bundle directory itself is a symlink");
        if (!rootInfo.Exists) throw Invalid(root, "the bundle directory does not exist");
        long total = 0;
        var files = 0;
        var rootFull = rootInfo.FullName.TrimEnd('/') + "/";
        foreach (var entry in rootInfo.EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, ReturnSpecialDirectories = false }))
        {
            var relative = entry.FullName[rootFull.Length..];
            if (entry.LinkTarget is not null || entry.Attributes.HasFlag(FileAttributes.ReparsePoint))
            {
                throw Invalid(root, $"'{relative}' is a symlink; bundles may not contain symlinks");
            }
            if (!Path.GetFullPath(entry.FullName).StartsWith(rootFull, StringComparison.Ordinal))
            {
                throw Invalid(root, $"'{relative}' is outside the bundle");
            }
            if (entry is FileInfo file)
            {
                files++;
                total += file.Length;
                if (files > limits.MaxFiles) throw Invalid(root, $"more than {limits.MaxFiles} files");
                if (total > limits.MaxBundleBytes) throw Invalid(root, $"larger than {limits.MaxBundleBytes} bytes");
            }
        }
    }

    /// <summary>Reads and checks one JSON document of a bundle; manifests must carry the known schema version.</summary>
    public static T ReadJson<T>(string path, JsonTypeInfo<T> type, BundleLimits limits, bool requireSchemaVersion = true)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null) throw Invalid(path, "it is a symlink");
        if (!info.Exists) throw Invalid(path, "it is missing");
        if (info.Length > limits.MaxManifestBytes) throw Invalid(path, $"it is larger than {limits.MaxManifestBytes} bytes");
        var bytes = File.ReadAllBytes(path);
        try
        {
            using (var doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = limits.MaxJsonDepth }))
            {
                CheckElement(doc.RootElement, limits, path);
                if (doc.RootElement.ValueKind != JsonValueKind.Object) throw Invalid(path, "it is not a JSON object");
                if (requireSchemaVersion)
                {
                    if (!doc.RootElement.TryGetProperty("schemaVersion", out var v)) throw Invalid(path, "it has no schemaVersion");
                    if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var n) || n != BundleLimits.SchemaVersion)
                    {
                        throw Invalid(path, $"schema version {v} is not known to this th (it reads version {BundleLimits.SchemaVersion})");
                    }
                }
            }
            return JsonSerializer.Deserialize(bytes, type) ?? throw Invalid(path, "it is empty");
        }
        catch (JsonException e)
        {
            throw Invalid(path, $"it is not valid JSON within bounds ({e.Message})");
        }
    }

    /// <summary>Checks every entry of a diff bundle.</summary>
    public static void CheckDiffBundle(DiffBundle bundle, string source)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var patch in bundle.Patches)
        {
            PathGuard.Check(patch.Path, $"diff bundle entry in {source}");
            if (patch.OldPath is not null) PathGuard.Check(patch.OldPath, $"diff bundle rename source in {source}");
            if (patch.Operation is not ("add" or "modify" or "delete" or "rename")) throw Invalid(source, $"entry '{patch.Path}' has unknown operation '{patch.Operation}'");
            if (!seen.Add(patch.Path)) throw Invalid(source, $"entry '{patch.Path}' appears twice");
            if (!patch.Diff.StartsWith("diff --git ", StringComparison.Ordinal)) throw Invalid(source, $"entry '{patch.Path}' is not a git patch");
            // The patch text must only touch the path its entry names.
            foreach (var line in patch.Diff.Split('\n').Where(l => l.StartsWith("+++ ", StringComparison.Ordinal) || l.StartsWith("--- ", StringComparison.Ordinal)))
            {
                var named = line[4..].Trim();
                if (named == "/dev/null") continue;
                var relative = named.Length > 2 && named[1] == '/' ? named[2..] : named;
                if (relative != patch.Path && relative != patch.OldPath)
                {
                    throw Invalid(source, $"entry '{patch.Path}' carries a patch for another path ('{relative}')");
                }
            }
        }
    }

    private static void CheckElement(JsonElement element, BundleLimits limits, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                if (element.GetArrayLength() > limits.MaxArrayLength) throw Invalid(path, $"an array has more than {limits.MaxArrayLength} elements");
                foreach (var item in element.EnumerateArray()) CheckElement(item, limits, path);
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name.Length > limits.MaxStringLength) throw Invalid(path, "a property name is too long");
                    CheckElement(property.Value, limits, path);
                }
                break;
            case JsonValueKind.String:
                if (element.GetString()!.Length > limits.MaxStringLength) throw Invalid(path, $"a string is longer than {limits.MaxStringLength} characters");
                break;
        }
    }

    private static SmoothException Invalid(string where, string why) =>
        new($"invalid bundle: {where}: {why}", "the bundle was rejected and nothing was applied", ExitCodes.BadInput);
}
