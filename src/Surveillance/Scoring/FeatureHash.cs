namespace Smooth.Surveillance.Scoring;

/// <summary>
/// The stable hash of features. Models are trained once and shipped, so a feature must land in the same bucket in
/// every process, on every machine and in every .NET version: <see cref="string.GetHashCode()"/> is randomised per
/// process and cannot be used. Words are hashed with 64-bit FNV-1a over their lower-case UTF-16 code units; a
/// character 5-gram is the last four code units packed into 64 bits with the current one XORed in at bit 8 (the high
/// byte of the newest unit, zero for ASCII and Latin-1 text, so those 5-grams never collide before the mix). Each kind
/// is XORed with its own seed and the bucket is the top bits of one multiplication by an odd constant
/// (multiply-shift): one multiply per 5-gram, where the first version took two and two shift-XOR rounds.
/// </summary>
internal static class FeatureHash
{
    /// <summary>FNV-1a 64-bit offset basis.</summary>
    public const ulong WordBasis = 0xCBF29CE484222325;
    /// <summary>FNV-1a 64-bit prime.</summary>
    public const ulong WordPrime = 0x100000001B3;

    // Seeds keep the kinds apart: the word "token" and the 5-gram "token" are different features.
    private const ulong UnigramSeed = 0x9E3779B97F4A7C15;
    private const ulong BigramSeed = 0xC2B2AE3D27D4EB4F;
    private const ulong GramSeed = 0x165667B19E3779F9;
    private const ulong MixMultiplier = 0xBF58476D1CE4E5B9;
    private const ulong PairMultiplier = 0x94D049BB133111EB;

    /// <summary>Adds one lower-case code unit to a word's running FNV-1a hash.</summary>
    public static ulong AddToWord(ulong hash, char c) => (hash ^ c) * WordPrime;

    /// <summary>The bucket of a word.</summary>
    public static int Unigram(ulong word, int bits) => UnigramShifted(word, 64 - bits);

    /// <summary>The bucket of a pair of consecutive words (order matters).</summary>
    public static int Bigram(ulong previous, ulong word, int bits) => BigramShifted(previous, word, 64 - bits);

    /// <summary>The bucket of a 5-gram: <paramref name="lastFour"/> holds the four code units before <paramref name="c"/>, oldest in the high bits.</summary>
    public static int FiveGram(ulong lastFour, char c, int bits) => FiveGramShifted(lastFour, c, 64 - bits);

    /// <summary><see cref="Unigram"/> with the shift (64 − bits) computed once by the caller.</summary>
    public static int UnigramShifted(ulong word, int shift) => Top((word ^ UnigramSeed) * MixMultiplier, shift);

    /// <summary><see cref="Bigram"/> with the shift (64 − bits) computed once by the caller.</summary>
    public static int BigramShifted(ulong previous, ulong word, int shift) => Top(((previous * PairMultiplier) ^ word ^ BigramSeed) * MixMultiplier, shift);

    /// <summary><see cref="FiveGram"/> with the shift (64 − bits) computed once by the caller.</summary>
    public static int FiveGramShifted(ulong lastFour, char c, int shift) => Top((lastFour ^ ((ulong)c << 8) ^ GramSeed) * MixMultiplier, shift);

    // Multiply-shift: the top bits of the product of an odd constant, which depend on every bit of the key.
    private static int Top(ulong x, int shift) => (int)(x >> shift);

}
