using LiteDB;
using ZaloBot.Dashboard;
using ZaloBot.Jobs;
using ZaloBot.Volunteers;

namespace ZaloBot.Storage.LiteDb;

/// <summary>Which property of each stored record is its LiteDB id, so the records themselves need no LiteDB attribute.</summary>
internal static class LiteMapping
{
    public static BsonMapper Create()
    {
        var mapper = new BsonMapper();
        mapper.Entity<StoredConversation>().Id(x => x.Key);
        mapper.Entity<StaffMember>().Id(x => x.Key);
        mapper.Entity<InviteCodeRecord>().Id(x => x.Scope);
        mapper.Entity<RegistrationAttempts>().Id(x => x.Key);
        mapper.Entity<PendingCode>().Id(x => x.StaffKey);
        mapper.Entity<DigestRun>().Id(x => x.Date);
        return mapper;
    }
}
