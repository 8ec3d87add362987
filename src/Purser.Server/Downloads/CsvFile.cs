using System.Text;
using Microsoft.Net.Http.Headers;

namespace Purser.Server.Downloads;

/// <summary>A CSV download written as its rows are read (see <see cref="CsvWriter"/>).</summary>
public sealed class CsvFile<T>(string fileName, IReadOnlyList<string> header, IAsyncEnumerable<T> rows, Func<T, IEnumerable<string?>> fields) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = fileName }.ToString();
        await CsvWriter.WriteAsync(response.Body, header, rows, fields, httpContext.RequestAborted);
    }
}

/// <summary>
/// Every CSV Purser writes, to a response or a file: UTF-8 with a byte order mark (so Excel reads
/// Chinese correctly), a header row, RFC 4180 quoting and CRLF line ends, numbers in the invariant
/// culture, every cell neutralised against formula injection. Nothing is buffered beyond the writer's own buffer.
/// </summary>
public static class CsvWriter
{
    private static readonly UTF8Encoding Utf8NoMark = new(encoderShouldEmitUTF8Identifier: false);

    /// <returns>The number of data rows written.</returns>
    public static async Task<int> WriteAsync<T>(Stream output, IReadOnlyList<string> header, IAsyncEnumerable<T> rows, Func<T, IEnumerable<string?>> fields,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(fields);
        await output.WriteAsync(Encoding.UTF8.Preamble.ToArray(), ct);
        await using var writer = new StreamWriter(output, Utf8NoMark, bufferSize: 32 * 1024, leaveOpen: true);
        await WriteRowAsync(writer, header, ct);
        var count = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            await WriteRowAsync(writer, fields(row), ct);
            count++;
        }
        await writer.FlushAsync(ct);
        return count;
    }

    private static async Task WriteRowAsync(StreamWriter writer, IEnumerable<string?> row, CancellationToken ct)
    {
        var line = new StringBuilder();
        line.AppendJoin(',', row.Select(field => CsvFields.Cell(field ?? ""))).Append("\r\n");
        await writer.WriteAsync(line, ct);
    }
}
