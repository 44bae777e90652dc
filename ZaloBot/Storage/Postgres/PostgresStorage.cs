using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using ZaloBot.Dashboard;
using ZaloBot.Jobs;
using ZaloBot.Survey;
using ZaloBot.Volunteers;
using ZaloBot.Zalo;

namespace ZaloBot.Storage.Postgres;

public static class PostgresStorage
{
    /// <summary>
    /// Every store in one PostgreSQL database (<c>Storage:ConnectionString</c>) that several
    /// instances share, with the Data Protection key ring in it too.
    /// </summary>
    public static IServiceCollection AddPostgresStores(this IServiceCollection services)
    {
        services.AddSingleton<PgStore>();
        services.AddSingleton<IUnitOfWork>(sp => sp.GetRequiredService<PgStore>());
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new PgXmlRepository(sp.GetRequiredService<PgStore>())));
        services.AddSingleton<IWorkQueues, PgWorkQueues>();
        services.AddSingleton<IBlobStore, PgBlobStore>();
        services.AddSingleton<IConversationStore, PgConversationStore>();
        services.AddSingleton<IResponseStore, PgResponseStore>();
        services.AddSingleton<IStaffStore, PgStaffStore>();
        services.AddSingleton<IInviteCodeStore, PgInviteCodeStore>();
        services.AddSingleton<IThrottleStore, PgThrottleStore>();
        services.AddSingleton<IVisitorCountStore, PgVisitorCountStore>();
        services.AddSingleton<IPhotoStore, PgPhotoStore>();
        services.AddSingleton<IRosterStore, PgRosterStore>();
        services.AddSingleton<ISignInCodeStore, PgSignInCodeStore>();
        services.AddSingleton<IAdminPasswordStore, PgAdminPasswordStore>();
        services.AddSingleton<IDashboardSessions, PgDashboardSessions>();
        services.AddSingleton<IOutboundBudget, PgOutboundBudget>();
        services.AddSingleton<ITokenPairStore, PgTokenPairStore>();
        services.AddSingleton<IJobRunStore, PgJobRunStore>();
        services.AddSingleton<IModeHistoryStore, PgModeHistoryStore>();
        return services;
    }
}
