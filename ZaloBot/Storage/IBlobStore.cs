namespace ZaloBot.Storage;

public sealed record Blob(string FileName, byte[] Content);

/// <summary>Binary content kept with the data: volunteers' photos ("photos/…") and digest charts ("charts/…").</summary>
public interface IBlobStore
{
    void Put(string id, string fileName, byte[] content);

    Blob? Get(string id);

    /// <summary>Deletes up to <paramref name="batch"/> blobs under <paramref name="prefix"/> stored before <paramref name="before"/>.</summary>
    int DeleteOlderThan(string prefix, DateTime before, int batch);

    /// <summary>The ids of every stored blob.</summary>
    IReadOnlyList<string> Ids();
}
