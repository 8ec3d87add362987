namespace Purser.Server.Hosting.Configuration;

/// <summary>Options bound from one section of the configuration, whose key prefix error messages name.</summary>
public interface IPurserOptions
{
    static abstract string Section { get; }
}
