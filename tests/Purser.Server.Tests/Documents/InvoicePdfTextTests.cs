using System.Collections;
using System.Globalization;
using System.Resources;
using Purser.Server.Documents;

namespace Purser.Server.Tests.Documents;

public class InvoicePdfTextTests
{
    private static readonly ResourceManager Texts = new("Purser.Server.Documents.InvoicePdfText", typeof(InvoicePdf).Assembly);

    [Theory]
    [InlineData("zh-Hant")]
    [InlineData("en")]
    public void Every_language_has_every_text_so_none_falls_back_to_Simplified_Chinese(string language)
    {
        var neutral = Entries(CultureInfo.InvariantCulture);
        var translated = Entries(CultureInfo.GetCultureInfo(language));

        Assert.Equal(neutral.Keys.Order(StringComparer.Ordinal), translated.Keys.Order(StringComparer.Ordinal));
        Assert.NotEqual(neutral["Title"], translated["Title"]);
    }

    [Fact]
    public void English_texts_have_no_Chinese_in_them()
    {
        Assert.All(Entries(CultureInfo.GetCultureInfo("en")), e => Assert.True(e.Value.All(c => c < '\u2E80'), $"{e.Key}: {e.Value}"));
    }

    private static Dictionary<string, string> Entries(CultureInfo culture) =>
        Texts.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!);
}
