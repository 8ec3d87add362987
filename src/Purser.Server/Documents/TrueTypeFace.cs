using System.Buffers.Binary;

namespace Purser.Server.Documents;

/// <summary>
/// A font file as PDFsharp 6.2 can embed it: one face with TrueType (glyf) outlines. PDFsharp
/// refuses TrueType collections (.ttc) outright, and a CFF-outline OpenType font it embeds whole
/// and unsubset (13.7 MB for one line of Noto Sans CJK) under a font type poppler reports as mismatched.
/// </summary>
internal static class TrueTypeFace
{
    private const uint TrueTypeOutlines = 0x00010000;
    private const uint AppleTrueType = 0x74727565; // 'true'
    private const uint CffOutlines = 0x4F54544F;   // 'OTTO'
    private const uint Collection = 0x74746366;    // 'ttcf'
    private const int OffsetTableLength = 12;
    private const int TableRecordLength = 16;

    /// <summary>The file's bytes, or for a collection its first face rebuilt as a font file of its own.</summary>
    public static byte[] Read(string path)
    {
        var file = File.ReadAllBytes(path);
        var face = Tag(file, 0) == Collection ? FirstFaceOf(file) : file;
        return Tag(face, 0) switch
        {
            TrueTypeOutlines or AppleTrueType => face,
            CffOutlines => throw new NotSupportedException(
                $"{path} has CFF (PostScript) outlines, which PDFsharp cannot subset; use a TrueType-outline CJK font such as the one in the Debian package {InvoiceFontFiles.CjkPackage}."),
            _ => throw new InvalidDataException($"{path} is not a TrueType font or collection."),
        };
    }

    // A collection's faces share one file and their table records point anywhere in it, so a
    // face on its own needs its tables copied behind a table directory of its own.
    private static byte[] FirstFaceOf(byte[] collection)
    {
        var directory = checked((int)Tag(collection, 12));
        int tableCount = BinaryPrimitives.ReadUInt16BigEndian(collection.AsSpan(directory + 4));
        var records = collection.AsSpan(directory + OffsetTableLength, tableCount * TableRecordLength);
        var length = OffsetTableLength + records.Length;
        for (var i = 0; i < tableCount; i++)
            length += Padded(Tag(records, i * TableRecordLength + 12));

        var face = new byte[length];
        collection.AsSpan(directory, OffsetTableLength + records.Length).CopyTo(face);
        var at = OffsetTableLength + records.Length;
        for (var i = 0; i < tableCount; i++)
        {
            var record = i * TableRecordLength;
            var offset = checked((int)Tag(records, record + 8));
            var tableLength = checked((int)Tag(records, record + 12));
            collection.AsSpan(offset, tableLength).CopyTo(face.AsSpan(at));
            BinaryPrimitives.WriteUInt32BigEndian(face.AsSpan(OffsetTableLength + record + 8), (uint)at);
            at += Padded((uint)tableLength);
        }
        return face;
    }

    private static int Padded(uint tableLength) => checked((int)((tableLength + 3) & ~3u));

    private static uint Tag(ReadOnlySpan<byte> bytes, int offset) => BinaryPrimitives.ReadUInt32BigEndian(bytes[offset..]);
}
