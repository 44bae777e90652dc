using ZaloBot.Dashboard;
using ZaloBot.Jobs;
using ZaloBot.Survey;
using ZaloBot.Volunteers;
using ZaloBot.Zalo;

namespace ZaloBot.Storage.LiteDb;

public static class LiteDbStorage
{
    /// <summary>Every store in one LiteDB data file (<c>Storage:Path</c>), owned by this process.</summary>
    public static IServiceCollection AddLiteDbStores(this IServiceCollection services)
    {
        services.AddSingleton<LiteStore>();
        services.AddSingleton<IUnitOfWork>(sp => sp.GetRequiredService<LiteStore>());
        services.AddSingleton<IWorkQueues, LiteWorkQueues>();
        services.AddSingleton<IBlobStore, LiteBlobStore>();
        services.AddSingleton<IConversationStore, LiteConversationStore>();
        services.AddSingleton<IResponseStore, LiteResponseStore>();
        services.AddSingleton<IStaffStore, LiteStaffStore>();
        services.AddSingleton<IInviteCodeStore, LiteInviteCodeStore>();
        services.AddSingleton<IThrottleStore, LiteThrottleStore>();
        services.AddSingleton<IVisitorCountStore, LiteVisitorCountStore>();
        services.AddSingleton<IPhotoStore, LitePhotoStore>();
        services.AddSingleton<IRosterStore, LiteRosterStore>();
        services.AddSingleton<ISignInCodeStore, LiteSignInCodeStore>();
        services.AddSingleton<IAdminPasswordStore, LiteAdminPasswordStore>();
        services.AddSingleton<IDashboardSessions, LiteDashboardSessions>();
        // One process owns the data file, so it alone sends for the OA: its own count is the OA's.
        services.AddSingleton<IOutboundBudget, InProcessOutboundBudget>();
        services.AddSingleton<ITokenPairStore, LiteTokenPairStore>();
        services.AddSingleton<IJobRunStore, LiteJobRunStore>();
        services.AddSingleton<IModeHistoryStore, LiteModeHistoryStore>();
        return services;
    }
}
