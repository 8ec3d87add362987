using System.Text;

namespace Purser.Testing;

/// <summary>An RFC 4180 reader for the tests, strict where Purser must be: CRLF line ends, quotes only around whole fields.</summary>
public static class CsvReading
{
    public static List<List<string>> Rows(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    (field, i) = (field.Append('"'), i + 1);
                else if (c == '"')
                    quoted = false;
                else
                    field.Append(c);
            }
            else if (c == '"' && field.Length == 0)
                quoted = true;
            else if (c == ',')
                (row, field) = (Add(row, field), new StringBuilder());
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                rows.Add(Add(row, field));
                (row, field, i) = ([], new StringBuilder(), i + 1);
            }
            else if (c is '\r' or '\n' or '"')
                throw new FormatException($"Unexpected {(int)c} at {i} outside quotes.");
            else
                field.Append(c);
        }
        if (row.Count > 0 || field.Length > 0)
            throw new FormatException("The last row does not end with CRLF.");
        return rows;
    }

    private static List<string> Add(List<string> row, StringBuilder field)
    {
        row.Add(field.ToString());
        return row;
    }
}
