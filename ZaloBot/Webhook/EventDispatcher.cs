using ZaloBot.Conversation;
using ZaloBot.Survey;
using ZaloBot.Volunteers;
using ZaloBot.Zalo;

namespace ZaloBot.Webhook;

/// <summary>
/// Routes a stored event to the feature that handles it: registrations ("DK …") and registered staff
/// to the volunteers' commands, everyone else to the citizen survey.
/// </summary>
public sealed class EventDispatcher(VolunteerCommands volunteers, CitizenConversation citizens, Outbox outbox, ILogger<EventDispatcher> logger)
{
    public async Task DispatchAsync(ZaloEvent e, CancellationToken ct)
    {
        switch (e.Name)
        {
            case "user_send_text" when e.UserId is { } user:
                if (!volunteers.TryHandleText(user, e.Text ?? ""))
                    citizens.OnText(user, e.Text ?? "");
                break;
            case "follow" when e.UserId is { } user:
                if (!volunteers.TryHandleFollow(user))
                    citizens.OnFollow(user);
                break;
            case "user_send_image" when e.UserId is { } user:
                if (!await volunteers.TryHandleImageAsync(user, e, ct))
                    outbox.SendText(user, BotTexts.ImageIsNotAnswer);
                break;
            case "unfollow" or "user_submit_info":
                logger.LogInformation("Event {Event} noted", e.Name);
                break;
            default:
                logger.LogInformation("Event {Event} ignored", e.Name);
                break;
        }
    }
}
