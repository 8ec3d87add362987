namespace Purser.Engine;

public enum StorageEngine
{
    Sqlite,
    Postgres,
}
