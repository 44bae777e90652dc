using Microsoft.AspNetCore.DataProtection;
using ZaloBot.Storage.LiteDb;

namespace ZaloBot.Storage;

public static class StorageSetup
{
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().BindConfiguration("Storage").ValidateDataAnnotations().ValidateOnStart();
        var storage = builder.Configuration.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
        builder.Services.AddDataProtection()
            .SetApplicationName("ZaloBot")
            .AddKeyManagementOptions(o => o.XmlRepository = new PrivateXmlRepository(storage.FullKeysPath));
        builder.Services.AddSingleton<Secrets>();
        builder.Services.AddLiteDbStores();
        builder.Services.AddSingleton<Janitor>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Janitor>());
        return builder;
    }
}
