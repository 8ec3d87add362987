using System.Globalization;
using System.Text.Json.Nodes;

namespace Purser.Server.Tests.Reliability;

/// <summary>Sets or removes the node at a dotted path with array indexes ("events[0].quantity") in a JSON body.</summary>
internal static class JsonPaths
{
    public static void Set(JsonObject root, string path, JsonNode? value)
    {
        var (parent, last) = Parent(root, path);
        if (last.Index is { } index)
            parent[last.Name]!.AsArray()[index] = value;
        else
            parent[last.Name] = value;
    }

    public static void Remove(JsonObject root, string path)
    {
        var (parent, last) = Parent(root, path);
        if (last.Index is { } index)
            parent[last.Name]!.AsArray().RemoveAt(index);
        else
            parent.Remove(last.Name);
    }

    private static (JsonObject Parent, Segment Last) Parent(JsonObject root, string path)
    {
        var segments = path.Split('.').Select(Segment.Parse).ToList();
        JsonObject node = root;
        foreach (var segment in segments[..^1])
        {
            var child = node[segment.Name] ?? throw new InvalidOperationException($"No '{segment.Name}' on the way to '{path}'.");
            node = (segment.Index is { } i ? child.AsArray()[i]! : child).AsObject();
        }
        return (node, segments[^1]);
    }

    private sealed record Segment(string Name, int? Index)
    {
        public static Segment Parse(string text)
        {
            var bracket = text.IndexOf('[', StringComparison.Ordinal);
            return bracket < 0
                ? new Segment(text, null)
                : new Segment(text[..bracket], int.Parse(text[(bracket + 1)..^1], CultureInfo.InvariantCulture));
        }
    }
}
