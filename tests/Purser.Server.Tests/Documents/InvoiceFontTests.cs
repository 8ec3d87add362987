using System.Buffers.Binary;
using Purser.Server.Documents;

namespace Purser.Server.Tests.Documents;

public class InvoiceFontTests
{
    private static readonly string DebianCjk = InvoiceFontFiles.DebianCjk[0];

    [Fact]
    public void Chinese_text_is_set_in_the_CJK_face_and_text_without_any_in_DejaVu_Sans()
    {
        var chinese = Poppler.Fonts(InvoicePdf.Render(InvoiceSamples.Shanghai(), "en"));
        var latin = Poppler.Fonts(InvoicePdf.Render(InvoiceSamples.Singapore(), "en"));

        Assert.Contains("WenQuanYi Micro Hei", chinese, StringComparison.Ordinal);
        Assert.DoesNotContain("DejaVu", chinese, StringComparison.Ordinal);
        Assert.Contains("DejaVu Sans", latin, StringComparison.Ordinal);
        Assert.Contains("DejaVu Sans,Bold", latin, StringComparison.Ordinal);
        Assert.DoesNotContain("WenQuanYi", latin, StringComparison.Ordinal);
    }

    [Fact]
    public void The_configured_CJK_font_is_tried_before_Debian_s_and_a_missing_one_is_passed_over()
    {
        var configured = Path.GetTempFileName();
        try
        {
            Assert.Equal(configured, InvoiceFontFiles.Find(new InvoiceFonts { CjkFontPath = configured }).Cjk);
            Assert.Equal(DebianCjk, InvoiceFontFiles.Find(new InvoiceFonts { CjkFontPath = configured + ".missing" }).Cjk);
            Assert.Equal(DebianCjk, InvoiceFontFiles.Find(new InvoiceFonts()).Cjk);
        }
        finally
        {
            File.Delete(configured);
        }
    }

    [Fact]
    public void Without_a_CJK_font_Chinese_text_is_refused_naming_the_package_and_Latin_text_still_renders()
    {
        var files = InvoiceFontFiles.Find(["/nonexistent/cjk.ttf"], InvoiceFontFiles.DejaVuDirectory);

        var refused = Assert.Throws<InvalidOperationException>(() => files.FamilyFor("Invoice 发票"));

        Assert.Contains("fonts-wqy-microhei", refused.Message, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/cjk.ttf", refused.Message, StringComparison.Ordinal);
        Assert.Equal(InvoiceFontResolver.LatinFamily, files.FamilyFor("Invoice ¥ – ·"));
    }

    [Fact]
    public void A_collection_s_first_face_becomes_a_TrueType_font_whose_tables_lie_inside_it()
    {
        var face = TrueTypeFace.Read(DebianCjk);

        Assert.Equal(0x00010000u, BinaryPrimitives.ReadUInt32BigEndian(face));
        int tables = BinaryPrimitives.ReadUInt16BigEndian(face.AsSpan(4));
        Assert.Contains(Enumerable.Range(0, tables), i => TableTag(face, i) == "glyf");
        for (var i = 0; i < tables; i++)
        {
            var record = face.AsSpan(12 + 16 * i);
            var offset = BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
            var length = BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
            Assert.Equal(0u, offset % 4);
            Assert.InRange(offset + length, 12u + 16u * (uint)tables, (uint)face.Length);
        }
    }

    [Fact]
    public void A_font_with_CFF_outlines_is_refused_naming_a_TrueType_package()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(file, [.. "OTTO"u8, .. new byte[60]]);

            var refused = Assert.Throws<NotSupportedException>(() => TrueTypeFace.Read(file));

            Assert.Contains("CFF", refused.Message, StringComparison.Ordinal);
            Assert.Contains("fonts-wqy-microhei", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Fonts_cannot_be_changed_once_an_invoice_is_rendered()
    {
        InvoicePdf.Render(InvoiceSamples.Singapore(), "en");

        Assert.Throws<InvalidOperationException>(() => InvoiceFonts.Use(new InvoiceFonts { CjkFontPath = "/elsewhere/cjk.ttf" }));
    }

    private static string TableTag(byte[] face, int table) => System.Text.Encoding.ASCII.GetString(face, 12 + 16 * table, 4);
}
