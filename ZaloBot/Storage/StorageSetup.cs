using Microsoft.AspNetCore.DataProtection;
using ZaloBot.Storage.LiteDb;
using ZaloBot.Storage.Postgres;

namespace ZaloBot.Storage;

public static class StorageSetup
{
    /// <summary>
    /// The stores of <c>Storage:Provider</c>: LiteDB (one process, keys in files beside the data) or
    /// PostgreSQL (several instances sharing the database, which also keeps the Data Protection key
    /// ring; the hashing key must then be configured, the same for all instances).
    /// </summary>
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().BindConfiguration("Storage").ValidateDataAnnotations().ValidateOnStart();
        var storage = builder.Configuration.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("ZaloBot");
        if (storage.Provider == StorageProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(storage.ConnectionString))
                throw new StorageStartException("Storage:ConnectionString is required when Storage:Provider is Postgres.");
            if (string.IsNullOrEmpty(builder.Configuration["Survey:RespondentKeySecret"]))
                throw new StorageStartException(
                    "Survey:RespondentKeySecret is required when Storage:Provider is Postgres: every instance must hash Zalo ids with the same secret.");
            builder.Services.AddPostgresStores();
        }
        else
        {
            dataProtection.AddKeyManagementOptions(o => o.XmlRepository = new PrivateXmlRepository(storage.FullKeysPath));
            builder.Services.AddLiteDbStores();
        }
        builder.Services.AddSingleton<Secrets>();
        builder.Services.AddSingleton<Janitor>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Janitor>());
        return builder;
    }
}
