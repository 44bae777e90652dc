using ZaloBot.Zalo;

namespace ZaloBot.Webhook;

/// <summary>Routes a stored event to the feature that handles it.</summary>
public sealed class EventDispatcher(Outbox outbox, ILogger<EventDispatcher> logger)
{
    public Task DispatchAsync(ZaloEvent e, CancellationToken ct)
    {
        switch (e.Name)
        {
            case "user_send_text" when e.UserId is { } user:
                outbox.SendText(user, "Đã nhận: " + e.Text);
                break;
            case "user_send_image" or "follow" or "unfollow" or "user_submit_info":
                logger.LogInformation("Event {Event} received", e.Name);
                break;
            default:
                logger.LogInformation("Event {Event} ignored", e.Name);
                break;
        }
        return Task.CompletedTask;
    }
}
