namespace Purser.Engine.Storage;

public enum StorageEngine
{
    Sqlite,
    Postgres,
}
