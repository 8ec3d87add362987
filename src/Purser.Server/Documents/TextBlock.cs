using PdfSharp.Drawing;

namespace Purser.Server.Documents;

/// <summary>Text wrapped to a width in one font and colour, drawn from its top edge.</summary>
internal sealed record TextBlock(IReadOnlyList<string> Lines, XFont Font, XBrush Brush)
{
    public double LineHeight => Font.GetHeight();

    public double Height => Lines.Count * LineHeight;

    /// <summary>
    /// Greedy wrapping: each line ends after the last space that fits, or between any two
    /// characters when no space does (Chinese has none). Line breaks in the text are kept.
    /// </summary>
    public static TextBlock Wrap(XGraphics graphics, string text, XFont font, XBrush brush, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var rest = paragraph.Trim();
            while (rest.Length > 0)
            {
                var fit = Fitting(graphics, rest, font, width);
                if (fit < rest.Length && rest.LastIndexOf(' ', fit) is > 0 and var space)
                    fit = space;
                lines.Add(rest[..fit].TrimEnd());
                rest = rest[fit..].TrimStart();
            }
        }
        return new(lines, font, brush);
    }

    public double Draw(XGraphics graphics, double x, double y, double width, bool alignRight = false)
    {
        var format = alignRight ? XStringFormats.TopRight : XStringFormats.TopLeft;
        for (var i = 0; i < Lines.Count; i++)
            graphics.DrawString(Lines[i], Font, Brush, new XRect(x, y + i * LineHeight, width, LineHeight), format);
        return Height;
    }

    // The longest prefix that fits, at least one character so a narrow column still makes progress.
    private static int Fitting(XGraphics graphics, string text, XFont font, double width)
    {
        int low = 1, high = text.Length;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (graphics.MeasureString(text[..middle], font).Width <= width)
                low = middle;
            else
                high = middle - 1;
        }
        if (low < text.Length && char.IsHighSurrogate(text[low - 1]))
            low = low == 1 ? 2 : low - 1;
        return low;
    }
}
