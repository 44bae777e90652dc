using Microsoft.AspNetCore.DataProtection;

namespace ZaloBot.Storage;

public static class StorageSetup
{
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().BindConfiguration("Storage");
        var storage = builder.Configuration.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
        builder.Services.AddDataProtection()
            .SetApplicationName("ZaloBot")
            .AddKeyManagementOptions(o => o.XmlRepository = new PrivateXmlRepository(storage.FullKeysPath));
        builder.Services.AddSingleton<Database>();
        builder.Services.AddSingleton<Secrets>();
        return builder;
    }
}
