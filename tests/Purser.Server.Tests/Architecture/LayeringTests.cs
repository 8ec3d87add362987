using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Purser.Core.Monetary;
using Purser.Engine;
using Purser.Server.Hosting;

namespace Purser.Server.Tests.Architecture;

/// <summary>
/// The layers as compiled, not as intended: Server → Engine → Core, and the faces never touch
/// the Engine's storage. Reads each assembly's metadata, so a use hidden in a method body counts
/// as much as one in a signature.
/// </summary>
public sealed class LayeringTests
{
    private const string Storage = "Purser.Engine.Storage";

    [Fact]
    public void The_server_references_no_type_of_the_engines_storage()
    {
        var used = ReferencedTypes(typeof(PurserHost).Assembly)
            .Where(t => t.Namespace == Storage || t.Namespace.StartsWith(Storage + ".", StringComparison.Ordinal))
            .Select(t => t.FullName);

        Assert.Empty(used);
    }

    [Fact]
    public void Core_references_neither_the_engine_nor_the_server()
    {
        var core = typeof(Money).Assembly;
        var above = new[] { typeof(PurserStore).Assembly.GetName().Name, typeof(PurserHost).Assembly.GetName().Name };

        Assert.Empty(ReferencedAssemblies(core).Intersect(above));
        Assert.Empty(ReferencedTypes(core).Where(t => t.Namespace.StartsWith("Purser.Engine", StringComparison.Ordinal)
            || t.Namespace.StartsWith("Purser.Server", StringComparison.Ordinal)).Select(t => t.FullName));
    }

    [Fact]
    public void The_engine_does_not_reference_the_server()
    {
        Assert.DoesNotContain(typeof(PurserHost).Assembly.GetName().Name, ReferencedAssemblies(typeof(PurserStore).Assembly));
    }

    [Fact]
    public void Only_the_server_references_opentelemetry()
    {
        // The engine records with System.Diagnostics.Metrics alone; whether anything listens is the server's choice.
        foreach (var below in new[] { typeof(Money).Assembly, typeof(PurserStore).Assembly })
            Assert.DoesNotContain(ReferencedAssemblies(below), name => name?.StartsWith("OpenTelemetry", StringComparison.Ordinal) == true);
        Assert.Contains(ReferencedAssemblies(typeof(PurserHost).Assembly), name => name?.StartsWith("OpenTelemetry", StringComparison.Ordinal) == true);
    }

    private static List<string?> ReferencedAssemblies(Assembly assembly) =>
        Read(assembly, md => md.AssemblyReferences.Select(h => (string?)md.GetString(md.GetAssemblyReference(h).Name)).ToList());

    /// <summary>
    /// Every type the assembly names from another assembly: any use of one (a field, a signature,
    /// a call, a <c>typeof</c>, an attribute) is compiled to a row of the type reference table.
    /// </summary>
    private static List<(string Namespace, string FullName)> ReferencedTypes(Assembly assembly) =>
        Read(assembly, md => md.TypeReferences.Select(h => Named(md, h)).ToList());

    private static (string Namespace, string FullName) Named(MetadataReader md, TypeReferenceHandle handle)
    {
        var type = md.GetTypeReference(handle);
        var name = md.GetString(type.Name);
        // A nested type has no namespace of its own: it lives in its outermost declaring type's.
        if (type.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            var outer = Named(md, (TypeReferenceHandle)type.ResolutionScope);
            return (outer.Namespace, $"{outer.FullName}+{name}");
        }
        var ns = md.GetString(type.Namespace);
        return (ns, ns.Length == 0 ? name : $"{ns}.{name}");
    }

    private static T Read<T>(Assembly assembly, Func<MetadataReader, T> read)
    {
        using var file = File.OpenRead(assembly.Location);
        using var pe = new PEReader(file);
        return read(pe.GetMetadataReader());
    }
}
