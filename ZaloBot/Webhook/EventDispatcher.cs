using ZaloBot.Survey;

namespace ZaloBot.Webhook;

/// <summary>Routes a stored event to the feature that handles it.</summary>
public sealed class EventDispatcher(CitizenConversation citizens, ILogger<EventDispatcher> logger)
{
    public Task DispatchAsync(ZaloEvent e, CancellationToken ct)
    {
        switch (e.Name)
        {
            case "user_send_text" when e.UserId is { } user:
                citizens.OnText(user, e.Text ?? "");
                break;
            case "follow" when e.UserId is { } user:
                citizens.OnFollow(user);
                break;
            case "user_send_image" when e.UserId is { } user:
                citizens.OnText(user, e.Text ?? "");
                break;
            case "unfollow" or "user_submit_info":
                logger.LogInformation("Event {Event} noted", e.Name);
                break;
            default:
                logger.LogInformation("Event {Event} ignored", e.Name);
                break;
        }
        return Task.CompletedTask;
    }
}
