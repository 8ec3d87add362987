namespace Purser.Engine.Storage.Entities;

/// <summary>The first answer to a mutating call, replayed for any later call with the same key.</summary>
internal sealed class IdempotencyRecord
{
    public required string Key { get; set; }
    public required string Operation { get; set; }
    public required string RequestHash { get; set; }
    public int StatusCode { get; set; }
    public required string ResponseBody { get; set; }
    public DateTime CreatedAt { get; set; }
}
