using ZaloBot;

return await ZaloBotApp.RunAsync(args);
