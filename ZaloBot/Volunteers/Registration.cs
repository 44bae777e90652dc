using Microsoft.Extensions.Options;
using ZaloBot.Jobs;
using ZaloBot.Survey;
using ZaloBot.Zalo;

namespace ZaloBot.Volunteers;

/// <summary>
/// "DK X07 &lt;code&gt;" and "DK HUYEN &lt;code&gt;": anyone may try, only the right code makes staff.
/// While a user is slowed down after wrong codes, their tries are refused before any code is checked.
/// </summary>
public sealed class Registration(
    InviteCodes codes,
    RegistrationThrottle throttle,
    IStaffStore staff,
    SurveyCatalog catalog,
    Outbox outbox,
    IOptions<DigestOptions> digest,
    TimeProvider clock,
    ILogger<Registration> logger)
{
    public void Handle(string userId, StaffCommand command)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!command.Valid)
            outbox.SendText(userId, StaffTexts.RegisterUsage);
        else if (throttle.LockedUntil(userId, now) is { } until)
            outbox.SendText(userId, StaffTexts.TryAgainAt(until, now));
        else if (codes.ScopeOf(command.Words[0]) is not { } scope)
            outbox.SendText(userId, StaffTexts.UnknownScope(command.Words[0]) + "\n" + StaffTexts.RegisterUsage);
        else if (!codes.Matches(scope, command.Words[1]))
            Refuse(userId, now);
        else
            Register(userId, scope, now);
    }

    private void Refuse(string userId, DateTime now)
    {
        logger.LogWarning("A registration with a wrong invite code was refused");
        outbox.SendText(userId, throttle.Fail(userId, now) is { } until ? StaffTexts.TryAgainAt(until, now) : StaffTexts.WrongCode);
    }

    private void Register(string userId, string scope, DateTime now)
    {
        var district = scope == InviteCodes.District;
        var left = staff.Find(userId)?.CommuneCode;
        var member = staff.Register(userId, district ? StaffRole.District : StaffRole.Commune, district ? null : scope, now);
        throttle.Succeed(userId);
        logger.LogInformation("Staff {Login} registered for {Scope}", member.LoginName, scope);
        var moved = left is not null && member.CommuneCode is not null && left != member.CommuneCode ? catalog.Describe(left) : null;
        outbox.SendText(userId, StaffTexts.Welcome(member, catalog.Describe(scope), digest.Value.DigestAt, moved, digest.Value.GroupLink));
    }
}
