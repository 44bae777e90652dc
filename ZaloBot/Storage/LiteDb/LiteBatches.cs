using LiteDB;

namespace ZaloBot.Storage.LiteDb;

internal static class LiteBatches
{
    /// <summary>Deletes at most <paramref name="batch"/> documents that match, so a clean-up never holds the writer long.</summary>
    public static int Delete<T>(ILiteCollection<T> collection, BsonExpression match, int batch)
    {
        var ids = collection.Query().Where(match).Limit(batch).ToDocuments().Select(d => d["_id"]).ToList();
        foreach (var id in ids)
            collection.Delete(id);
        return ids.Count;
    }
}
