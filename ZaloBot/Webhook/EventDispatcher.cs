using ZaloBot.Conversation;
using ZaloBot.Survey;
using ZaloBot.Volunteers;
using ZaloBot.Zalo;

namespace ZaloBot.Webhook;

/// <summary>
/// Routes a stored event to the feature that handles it: registrations ("DK …") and registered staff
/// to the volunteers' commands, everyone else to the citizen survey. <see cref="FetchAsync"/> does
/// the slow part first (downloading a volunteer's photos); <see cref="Dispatch"/> then decides and
/// stores, inside the event's transaction.
/// </summary>
public sealed class EventDispatcher(VolunteerCommands volunteers, PhotoIntake photos, CitizenConversation citizens, Outbox outbox, ILogger<EventDispatcher> logger)
{
    public async Task<FetchedPhotos> FetchAsync(ZaloEvent e, CancellationToken ct) =>
        e is { Name: "user_send_image", UserId: { } user } && volunteers.ReportsPhotos(user)
            ? await photos.FetchAsync(e, ct)
            : FetchedPhotos.None;

    public void Dispatch(ZaloEvent e, FetchedPhotos fetched)
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
                if (!volunteers.TryHandleImage(user, e, fetched))
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
