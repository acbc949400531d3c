using Smooth.Surveillance.Scanning;

namespace Smooth.Surveillance.Tests;

/// <summary>Line and column of an offset, asked in order (as findings come) or not.</summary>
public sealed class LineIndexTests
{
    private static (int Line, int Column) Reference(string text, int offset)
    {
        var before = text[..offset];
        return (before.Count(c => c == '\n') + 1, offset - (before.LastIndexOf('\n') + 1) + 1);
    }

    [Fact]
    public void Offsets_in_any_order_get_their_line_and_column()
    {
        var random = new Random(11);
        for (var round = 0; round < 100; round++)
        {
            var text = new string(Enumerable.Range(0, random.Next(1, 400)).Select(_ => "ab \n"[random.Next(4)]).ToArray());
            var offsets = Enumerable.Range(0, 30).Select(_ => random.Next(text.Length)).ToList();
            if (round % 2 == 0) offsets.Sort();
            var index = new LineIndex(text);
            foreach (var offset in offsets) Assert.Equal(Reference(text, offset), index.Locate(offset));
        }
    }

    [Fact]
    public void A_newline_belongs_to_the_line_it_ends()
    {
        var index = new LineIndex("ab\ncd\n\nx");
        Assert.Equal((1, 3), index.Locate(2));
        Assert.Equal((2, 1), index.Locate(3));
        Assert.Equal((3, 1), index.Locate(6));
        Assert.Equal((4, 1), index.Locate(7));
        Assert.Equal((1, 1), index.Locate(0));
    }
}
