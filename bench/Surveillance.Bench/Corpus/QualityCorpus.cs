using System.Security.Cryptography;
using System.Text;
using Smooth.Surveillance.Rules;

namespace Smooth.Surveillance.Bench.Corpus;

/// <summary>
/// The labelled corpus: files under <c>corpus/</c> (injection samples, near-misses, benign text, commands) plus
/// documents generated with a fixed seed (a synthetic secret for every secret rule, hashes, UUIDs, base64 blobs,
/// lockfile integrity strings, git SHAs). Nothing realistic-looking is committed.
/// </summary>
public static class QualityCorpus
{
    /// <summary>Seed of every generated document.</summary>
    public const int Seed = 20261122;
    /// <summary>Secrets generated per secret rule.</summary>
    public const int SamplesPerRule = 6;
    /// <summary>Benign files are cut into documents of this many lines.</summary>
    public const int ChunkLines = 40;
    /// <summary>
    /// The last held-out set measured and placed in the corpus. v19 and v20 were measured once on 2026-12-02 (73 and
    /// 69 of 80 injections with the regional vocabulary); v21 and v22, written blind while the payloads learned from
    /// v19 and v20's misses were added, were measured once on that build (74 and 72) and are training data since
    /// (<see cref="TrainingCorpus.LastVersion"/>); v23 and v24, written blind the next morning, were measured once on
    /// the build that learned from v21 and v22 (73 and 73) and are training data since; v25 and v26, written blind
    /// meanwhile, were measured once on the build that learned from v23 and v24 (71 and 78) and are not.
    /// </summary>
    public const int LastMeasured = 26;
    /// <summary>
    /// Hand-written hard negatives (agent conventions, articles about prompt injection, chat-API code, CI scripts,
    /// review comments): one document per block, like the injection files. Left out of the speed benchmark's text so
    /// its timings stay comparable with earlier runs.
    /// </summary>
    public const string HardNegativesDir = "benign/hard-negatives";

    private static readonly string[] Wrappers =
    [
        "{0}",
        "export SERVICE_CREDENTIAL=\"{0}\"",
        "  \"value\": \"{0}\",",
        "config:\n  credential: {0}\n  region: eu-west-1",
        "2026-11-22T10:14:03Z INFO loaded credential {0} for deploy",
        "# rotate me\n{0}\n",
    ];

    /// <summary>Finds the corpus directory (next to the program, or under bench/Surveillance.Bench from the repo root).</summary>
    public static string Locate()
    {
        foreach (var candidate in new[] { Path.Combine(AppContext.BaseDirectory, "corpus"), Path.Combine("bench", "Surveillance.Bench", "corpus") })
        {
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("corpus directory not found next to the program or under bench/Surveillance.Bench");
    }

    /// <summary>Loads every document, except those of files whose name contains one of <paramref name="blind"/> when given.</summary>
    public static List<CorpusDocument> Load(RuleSet rules, string? directory = null, IReadOnlyList<string>? blind = null)
    {
        var dir = directory ?? Locate();
        var docs = new List<CorpusDocument>();
        docs.AddRange(GenerateSecrets(rules));
        docs.AddRange(GenerateNearMisses());
        docs.AddRange(Blocks(Path.Combine(dir, "near-misses.txt"), CorpusLabel.NearMiss));
        docs.AddRange(Blocks(Path.Combine(dir, "injection.txt"), CorpusLabel.Injection));
        docs.AddRange(Blocks(Path.Combine(dir, "injection-heldout-v1.txt"), CorpusLabel.Injection));
        docs.AddRange(Blocks(Path.Combine(dir, "injection-heldout-v2.txt"), CorpusLabel.Injection));
        docs.AddRange(Blocks(Path.Combine(dir, "injection-heldout-v3.txt"), CorpusLabel.Injection));
        docs.AddRange(Blocks(Path.Combine(dir, "injection-heldout-v4.txt"), CorpusLabel.Injection));
        docs.AddRange(Blocks(Path.Combine(dir, "injection-heldout-v5.txt"), CorpusLabel.Injection));
        // The held-out sets with hard negatives of their own (v6 to LastMeasured): each written without reading the
        // detector and measured before any tuning on it (v6 was tuned on in round eight, blind to v7; v8 was measured
        // once after round eight; v9 after round eight and once after round nine, which never saw it; v10 with the
        // rules of round nine, then with the learned scorer, which was trained without it; v11 and v12 once each).
        // Their hard negatives live outside benign/ so that neither the benign set nor the speed benchmark's text
        // includes them.
        for (var v = TrainingCorpus.FirstIndependent; v <= LastMeasured; v++)
        {
            docs.AddRange(Blocks(Path.Combine(dir, $"injection-heldout-v{v}.txt"), CorpusLabel.InjectionHeldOut));
            docs.AddRange(Blocks(Path.Combine(dir, $"benign-heldout-v{v}.txt"), CorpusLabel.BenignHeldOut));
        }
        foreach (var file in Directory.EnumerateFiles(Path.Combine(dir, "benign"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            docs.AddRange(IsHardNegative(file, dir) ? Blocks(file, CorpusLabel.Benign, HardNegativesDir + "/") : Chunks(file, dir));
        }
        docs.AddRange(Lines(Path.Combine(dir, "commands-dangerous.txt"), CorpusLabel.DangerousCommand));
        docs.AddRange(Lines(Path.Combine(dir, "commands-benign.txt"), CorpusLabel.BenignCommand));
        if (blind is { Count: > 0 }) docs.RemoveAll(d => blind.Any(b => d.Name.Contains(b, StringComparison.Ordinal)));
        return docs;
    }

    /// <summary>About <paramref name="bytes"/> of benign text (the corpus's benign files, repeated as needed): the speed benchmark's tool result.</summary>
    public static string BenignText(int bytes, string? directory = null)
    {
        var dir = directory ?? Locate();
        var sb = new StringBuilder();
        var files = Directory.EnumerateFiles(Path.Combine(dir, "benign"), "*", SearchOption.AllDirectories).Where(f => !IsHardNegative(f, dir)).Order(StringComparer.Ordinal).ToList();
        while (sb.Length < bytes)
        {
            foreach (var f in files)
            {
                sb.Append(File.ReadAllText(f)).Append('\n');
                if (sb.Length >= bytes) break;
            }
        }
        return sb.ToString(0, bytes);
    }

    private static IEnumerable<CorpusDocument> GenerateSecrets(RuleSet rules)
    {
        var random = new Random(Seed);
        foreach (var rule in rules.Rules.Where(r => r.Category == RuleCategory.Secret && r.Spec.Sample is not null))
        {
            for (var i = 0; i < SamplesPerRule; i++)
            {
                var secret = SampleTemplate.Expand(rule.Spec.Sample!, random);
                var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, Wrappers[i % Wrappers.Length], secret);
                yield return new CorpusDocument($"{rule.Id}#{i}", text, CorpusLabel.Secret, rule.Id);
            }
        }
    }

    private static IEnumerable<CorpusDocument> GenerateNearMisses()
    {
        var random = new Random(Seed + 1);
        byte[] Bytes(int n)
        {
            var b = new byte[n];
            random.NextBytes(b);
            return b;
        }
        string Hex(int n) => Convert.ToHexString(Bytes(n)).ToLowerInvariant();
        for (var i = 0; i < 40; i++)
        {
            yield return new("git-sha#" + i, $"commit {Hex(20)}\nAuthor: Dev <dev@synth.invalid>\nMerge: {Hex(20)[..7]} {Hex(20)[..7]}", CorpusLabel.NearMiss);
            yield return new("sha256#" + i, $"sha256:{Hex(32)}  dist/app-{i}.tar.gz", CorpusLabel.NearMiss);
            yield return new("uuid#" + i, $"{{\"id\": \"{new Guid(Bytes(16))}\", \"requestId\": \"{new Guid(Bytes(16))}\"}}", CorpusLabel.NearMiss);
            yield return new("integrity#" + i, $"    \"node_modules/pkg-{i}\": {{\n      \"version\": \"1.{i}.0\",\n      \"resolved\": \"https://registry.npmjs.org/pkg-{i}/-/pkg-{i}-1.{i}.0.tgz\",\n      \"integrity\": \"sha512-{Convert.ToBase64String(SHA512.HashData(Bytes(32)))}\"\n    }},", CorpusLabel.NearMiss);
            yield return new("base64-blob#" + i, $"data:image/png;base64,{Convert.ToBase64String(Bytes(120))}", CorpusLabel.NearMiss);
            yield return new("md5#" + i, $"{Hex(16)}  ./build/output-{i}.bin", CorpusLabel.NearMiss);
            yield return new("go-sum#" + i, $"github.com/synth/mod{i} v1.{i}.0 h1:{Convert.ToBase64String(Bytes(32))}", CorpusLabel.NearMiss);
        }
    }

    // Documents separated by a line holding only "----"; lines starting with "#" before the first document are comments.
    internal static bool IsHardNegative(string file, string root) =>
        Path.GetRelativePath(root, file).Replace('\\', '/').StartsWith(HardNegativesDir + "/", StringComparison.Ordinal);

    internal static IEnumerable<CorpusDocument> Blocks(string path, CorpusLabel label, string prefix = "")
    {
        var text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        var n = 0;
        foreach (var block in text.Split("\n----\n"))
        {
            var body = string.Join('\n', block.Split('\n').Where(l => !l.StartsWith("#!", StringComparison.Ordinal))).Trim('\n');
            if (body.Length == 0) continue;
            yield return new CorpusDocument($"{prefix}{Path.GetFileName(path)}#{n++}", Unescape(body), label);
        }
    }

    private static IEnumerable<CorpusDocument> Lines(string path, CorpusLabel label)
    {
        var n = 0;
        foreach (var line in File.ReadAllLines(path))
        {
            if (line.Length == 0 || line.StartsWith("#!", StringComparison.Ordinal)) continue;
            yield return new CorpusDocument($"{Path.GetFileName(path)}:{++n}", line, label);
        }
    }

    internal static IEnumerable<CorpusDocument> Chunks(string file, string root)
    {
        var lines = File.ReadAllLines(file);
        var name = Path.GetRelativePath(root, file);
        for (var i = 0; i < lines.Length; i += ChunkLines)
        {
            yield return new CorpusDocument($"{name}@{i + 1}", string.Join('\n', lines.Skip(i).Take(ChunkLines)), CorpusLabel.Benign);
        }
    }

    // Corpus files are plain text; invisible characters are written as \u{XXXX} so they survive editors and review.
    private static string Unescape(string text)
    {
        if (!text.Contains("\\u{", StringComparison.Ordinal)) return text;
        var sb = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 3 < text.Length && text[i + 1] == 'u' && text[i + 2] == '{')
            {
                var close = text.IndexOf('}', i);
                if (close > 0 && int.TryParse(text.AsSpan(i + 3, close - i - 3), System.Globalization.NumberStyles.HexNumber, null, out var cp))
                {
                    sb.Append(char.ConvertFromUtf32(cp));
                    i = close;
                    continue;
                }
            }
            sb.Append(text[i]);
        }
        return sb.ToString();
    }
}
