using System.Text.RegularExpressions;
using ZaloBot.Survey;
using ZaloBot.Zalo;

namespace ZaloBot.Volunteers;

/// <summary>An official's "MAMOI X07 &lt;code&gt;" and "THUHOI X07" (HUYEN for the district's own code).</summary>
public sealed partial class InviteCommands(InviteCodes codes, SurveyCatalog catalog, Outbox outbox, ILogger<InviteCommands> logger)
{
    public void Handle(StaffSender sender, StaffCommand command)
    {
        if (codes.ScopeOf(command.Words[0]) is not { } scope)
            outbox.SendText(sender.UserId, StaffTexts.UnknownScope(command.Words[0]) + "\n" + StaffTexts.Usage(sender.Role, command.Kind));
        else if (command.Kind == StaffCommandKind.RevokeCode)
            Revoke(sender, scope);
        else if (!IsStrongEnough(command.Words[1]))
            outbox.SendText(sender.UserId, StaffTexts.CodeTooShort);
        else
            Set(sender, scope, command.Words[1]);
    }

    private void Set(StaffSender sender, string scope, string code)
    {
        codes.Set(scope, code, sender.Member.Key);
        logger.LogInformation("Invite code of {Scope} changed by {Login}", scope, sender.Member.LoginName);
        outbox.SendText(sender.UserId, StaffTexts.CodeSet(PlaceOf(scope), scope));
    }

    private void Revoke(StaffSender sender, string scope)
    {
        codes.Revoke(scope, sender.Member.Key);
        logger.LogInformation("Invite code of {Scope} revoked by {Login}", scope, sender.Member.LoginName);
        outbox.SendText(sender.UserId, StaffTexts.CodeRevoked(PlaceOf(scope), scope));
    }

    private string PlaceOf(string scope) => scope == InviteCodes.District ? "cấp huyện" : catalog.Describe(scope);

    /// <summary>Six or more letters and digits without diacritics, in lower case as commands arrive.</summary>
    public static bool IsStrongEnough(string code) => StrongEnough().IsMatch(code);

    [GeneratedRegex("^[a-z0-9]{6,}$")]
    private static partial Regex StrongEnough();
}
