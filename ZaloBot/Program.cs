using ZaloBot;

return await ZaloBotApp.RunAsync(ZaloBotApp.Build(args));
