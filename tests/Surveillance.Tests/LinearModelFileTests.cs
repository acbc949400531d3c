using System.Buffers.Binary;
using Smooth.Core;
using Smooth.Surveillance.Rules;
using Smooth.Surveillance.Scoring;

namespace Smooth.Surveillance.Tests;

/// <summary>The model file is checked on load, and a broken one keeps the rules (and so the engine) from starting.</summary>
public sealed class LinearModelFileTests
{
    private static byte[] Shipped()
    {
        using var stream = typeof(ScorerCatalog).Assembly.GetManifestResourceStream("Smooth.Surveillance.injection-linear-v1.bin")!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    [Fact]
    public void The_shipped_model_reads_and_writes_back_to_the_same_bytes()
    {
        var bytes = Shipped();
        var model = LinearModelFile.Read(bytes, "shipped");
        Assert.Equal(FeatureKinds.All, model.Kinds);
        Assert.Equal(18, model.BucketBits);
        Assert.Equal(LinearModelFile.HeaderLength + (1 << 18), bytes.Length);
        Assert.InRange(model.Threshold, 0.5, 0.999);
        Assert.Equal(bytes, LinearModelFile.Write(model));
    }

    public static TheoryData<string, string> Breakages() => new()
    {
        { "truncated-header", "truncated: 40 bytes, the header alone needs 96" },
        { "truncated-weights", "truncated or padded" },
        { "flipped-weight", "checksum mismatch" },
        { "flipped-bias", "checksum mismatch" },
        { "magic", "not a Narc linear model" },
        { "version", "format version 2 is not supported" },
        { "kinds", "feature kinds 3 do not match" },
        { "bits", "weights for 17 bucket bits" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void A_broken_or_mismatched_model_is_refused_with_a_clear_reason(string breakage, string message)
    {
        var e = Assert.Throws<InvalidDataException>(() => LinearModelFile.Read(Break(Shipped(), breakage), "test model"));
        Assert.StartsWith("test model: ", e.Message);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void The_rules_do_not_load_and_no_engine_starts_when_the_scorers_model_is_corrupt()
    {
        var builtin = RuleFileParser.Parse(RuleSetLoader.ReadBuiltinText(), RuleSetLoader.BuiltinSource);
        var e = Assert.Throws<SmoothException>(() => RuleSetLoader.Build([builtin], _ => Break(Shipped(), "flipped-weight")));
        Assert.Contains("rule 'injection-learned'", e.Message);
        Assert.Contains("the model of scorer 'injection-linear-v1': checksum mismatch", e.Message);
        Assert.Equal(ExitCodes.BadInput, e.ExitCode);

        // Disabling the rule is the way to run without the scorer: then its model is not read at all.
        var disabled = RuleFileParser.Parse("disable: [injection-learned]\n", "project.yaml");
        Assert.Null(RuleSetLoader.Build([builtin, disabled], _ => Break(Shipped(), "flipped-weight")).Find("injection-learned"));
    }

    private static byte[] Break(byte[] bytes, string breakage)
    {
        switch (breakage)
        {
            case "truncated-header": return bytes[..40];
            case "truncated-weights": return bytes[..^1000];
            case "flipped-weight": bytes[LinearModelFile.HeaderLength + 12345] ^= 0x40; break;
            case "flipped-bias": bytes[41] ^= 0x01; break;
            case "magic": bytes[0] = (byte)'X'; break;
            case "version": BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), 2); break;
            case "kinds": BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(12), 3); break;
            case "bits": bytes[16] = 17; break;
        }
        return bytes;
    }
}
