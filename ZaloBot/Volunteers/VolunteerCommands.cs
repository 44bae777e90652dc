using Reporting;
using ZaloBot.Jobs;
using ZaloBot.Survey;
using ZaloBot.Webhook;
using ZaloBot.Zalo;

namespace ZaloBot.Volunteers;

/// <summary>A registered staff member writing to the OA, with the Zalo id to answer.</summary>
public sealed record StaffSender(string UserId, StaffMember Member)
{
    public StaffRole Role => Member.Role;
}

/// <summary>
/// The working group's side of the chat. Registration ("DK …") is open to anyone; everything else
/// only to registered staff, who never fall into the citizen survey unless they ask to (KHAOSAT).
/// </summary>
public sealed class VolunteerCommands(
    Registration registration,
    InviteCommands invites,
    IStaffStore staff,
    VisitorReports visitors,
    CommuneProgress progress,
    PhotoIntake photos,
    DigestDelivery digests,
    CitizenConversation citizens,
    SurveyCatalog catalog,
    Outbox outbox,
    TimeProvider clock)
{
    /// <summary>A name or a position longer than this is cut: it goes into one cell of QCDC's sheet.</summary>
    private const int MaxNameLength = 80;

    /// <summary>Handles a registration or a staff member's text; false leaves the text to the citizen survey.</summary>
    public bool TryHandleText(string userId, string text)
    {
        var command = StaffCommand.Parse(text, catalog.RegistrationScope);
        if (command is { Kind: StaffCommandKind.Register })
            registration.Handle(userId, command);
        else if (StaffFor(userId, command) is { } member)
            Handle(new StaffSender(userId, member), command, text);
        else
            return false;
        return true;
    }

    /// <summary>A staff member who follows the OA again gets the help, not the survey's greeting.</summary>
    public bool TryHandleFollow(string userId)
    {
        if (staff.Find(userId) is not { AnsweringAsCitizen: false } member)
            return false;
        outbox.SendText(userId, StaffTexts.Help(member.Role));
        return true;
    }

    /// <summary>Whether an image from this user is a photo report (so it is worth fetching before its event is handled).</summary>
    public bool ReportsPhotos(string userId) => staff.Find(userId) is { AnsweringAsCitizen: false, Disabled: false };

    /// <summary>Stores a staff member's photo report from the images fetched beforehand; false leaves the image to the citizen side.</summary>
    public bool TryHandleImage(string userId, ZaloEvent e, FetchedPhotos fetched)
    {
        if (staff.Find(userId) is not { AnsweringAsCitizen: false } member)
            return false;
        if (member.Disabled)
            Reply(new StaffSender(userId, member), StaffTexts.Disabled);
        else
            photos.Receive(new StaffSender(userId, member), e, fetched);
        return true;
    }

    /// <summary>
    /// Staff answering as citizens stay with the survey until a well-formed staff command brings them
    /// back, so an answer that merely starts like one ("Lượt người đông…") still reaches the survey,
    /// and so do "hướng dẫn", which there asks for the survey's help, and "tên …" or "tiến độ giải quyết…",
    /// which may be comments.
    /// </summary>
    private StaffMember? StaffFor(string userId, StaffCommand? command)
    {
        var member = staff.Find(userId);
        if (member is not { AnsweringAsCitizen: true })
            return member;
        if (command is not { Valid: true } || command.Kind is StaffCommandKind.Help or StaffCommandKind.Name
            || command is { Kind: StaffCommandKind.Progress, Words.Count: > 1 })
            return null;
        member.AnsweringAsCitizen = false;
        staff.Update(member);
        return member;
    }

    /// <summary>A count waiting for confirmation takes the next text that is no command as the answer; a command drops it.</summary>
    private void Handle(StaffSender sender, StaffCommand? command, string text)
    {
        if (sender.Member.Disabled)
        {
            Reply(sender, StaffTexts.Disabled);
            return;
        }

        if (sender.Member.PendingCount is not null)
        {
            if (command is null)
            {
                visitors.Answer(sender, text);
                return;
            }
            sender.Member.PendingCount = null;
            staff.Update(sender.Member);
        }

        if (command is null)
            Reply(sender, StaffTexts.NotUnderstood(sender.Role));
        else if (!StaffTexts.Allows(sender.Role, command.Kind))
            Reply(sender, StaffTexts.NotForRole(sender.Role));
        else if (command.Kind == StaffCommandKind.Visitors)
            visitors.Report(sender, command);
        else if (!command.Valid)
            Reply(sender, command.Kind == StaffCommandKind.Name ? StaffTexts.NameUsage : StaffTexts.Usage(sender.Role, command.Kind));
        else
            Run(sender, command);
    }

    private void Run(StaffSender sender, StaffCommand command)
    {
        switch (command.Kind)
        {
            case StaffCommandKind.Name:
                SetName(sender, command.Written);
                break;
            case StaffCommandKind.Progress:
                ShowProgress(sender, command);
                break;
            case StaffCommandKind.Digest:
                digests.SendTo(sender.UserId);
                break;
            case StaffCommandKind.SetCode or StaffCommandKind.RevokeCode:
                invites.Handle(sender, command);
                break;
            case StaffCommandKind.AnswerAsCitizen:
                AnswerAsCitizen(sender);
                break;
            case StaffCommandKind.BackToStaff:
                Reply(sender, StaffTexts.BackToStaff(sender.Role));
                break;
            default:
                Reply(sender, StaffTexts.Help(sender.Role));
                break;
        }
    }

    /// <summary>"TEN Nguyễn Văn A, Hội CCB xã": the name before the first comma, the position after it.</summary>
    private void SetName(StaffSender sender, string written)
    {
        var parts = written.Split(',', 2, StringSplitOptions.TrimEntries);
        var name = Clip(parts[0]);
        if (name.Length == 0)
        {
            Reply(sender, StaffTexts.NameUsage);
            return;
        }
        sender.Member.FullName = name;
        sender.Member.Position = parts.Length > 1 && Clip(parts[1]) is { Length: > 0 } position ? position : null;
        staff.Update(sender.Member);
        Reply(sender, StaffTexts.NameRecorded(sender.Member));
    }

    private static string Clip(string text) => (text.Length > MaxNameLength ? text[..MaxNameLength] : text).Trim();

    /// <summary>A volunteer sees their own commune; an official names one by code or name ("TIENDO X07", "TIENDO Tân Lập").</summary>
    private void ShowProgress(StaffSender sender, StaffCommand command)
    {
        var named = command.Words.Count > 0;
        var code = sender.Member.CommuneCode ?? (named ? catalog.CommuneNamed(string.Join(' ', command.Words)) : null);
        Reply(sender, code is not null ? progress.Describe(code, VietnamTime.DateOf(clock.GetUtcNow()), sender.Role)
            : named ? StaffTexts.UnknownCommune(command.Written)
            : StaffTexts.Usage(sender.Role, StaffCommandKind.Progress));
    }

    /// <summary>The survey starts as for a citizen who has just followed the OA.</summary>
    private void AnswerAsCitizen(StaffSender sender)
    {
        sender.Member.AnsweringAsCitizen = true;
        staff.Update(sender.Member);
        Reply(sender, StaffTexts.AnsweringAsCitizen);
        citizens.OnFollow(sender.UserId);
    }

    private void Reply(StaffSender sender, string text) => outbox.SendText(sender.UserId, text);
}
