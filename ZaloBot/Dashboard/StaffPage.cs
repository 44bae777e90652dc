using System.Globalization;
using Reporting;
using ZaloBot.Conversation;
using ZaloBot.Reports;
using ZaloBot.Storage;
using ZaloBot.Volunteers;
using static ZaloBot.Dashboard.Layout;

namespace ZaloBot.Dashboard;

/// <summary>
/// "Cán bộ": everyone registered with the bot, commune by commune (communes with nobody first), the
/// district officials, and each commune's invite code. The board disables or removes a person and
/// sets or revokes a code here instead of in chat.
/// </summary>
internal static class StaffPage
{
    private const string Path = "/dashboard/staff";

    /// <summary>What the page says after a change, by the <c>done</c> word of the redirect.</summary>
    private static readonly Dictionary<string, string> Done = new()
    {
        ["disabled"] = "Đã tạm ngừng tài khoản. Người này không gửi báo cáo được nữa và sẽ được báo khi thử.",
        ["enabled"] = "Đã cho tài khoản hoạt động lại.",
        ["removed"] = "Đã xóa khỏi danh sách cán bộ.",
        ["code-set"] = "Đã đặt mã mời mới. Mã cũ không dùng được nữa.",
        ["code-revoked"] = "Đã thu hồi mã mời. Không ai đăng ký thêm được bằng mã này.",
    };

    public static void MapStaffPage(this DashboardRoutes routes)
    {
        routes.Pages.MapGet("/staff", Render);
        routes.Pages.MapPost("/staff/members/{key}/disabled", SetDisabled);
        routes.Pages.MapGet("/staff/members/{key}/remove", ConfirmRemove);
        routes.Pages.MapPost("/staff/members/{key}/remove", Remove);
        routes.Pages.MapPost("/staff/codes/{scope}", SetCode);
        routes.Pages.MapGet("/staff/codes/{scope}/revoke", ConfirmRevoke);
        routes.Pages.MapPost("/staff/codes/{scope}/revoke", Revoke);
    }

    private static IResult Render(string? done, string? error, HttpContext http, IStaffStore staff, InviteCodes codes, DailyFigures figures, VisitorCounts visitors, PhotoReports photos, TimeProvider clock)
    {
        var members = staff.All();
        var lastReports = LastReports(figures, visitors, photos, clock);
        var byCommune = members.Where(m => m.Role == StaffRole.Commune).ToLookup(m => m.CommuneCode ?? "");
        var empty = figures.Communes.Where(c => !byCommune[c.Code].Any()).ToList();
        var message = done is not null && Done.TryGetValue(done, out var said) ? $"""<p class="done" role="status">{E(said)}</p>""" : "";
        var problem = error is not null ? $"""<p class="error" role="alert">{E(error)}</p>""" : "";
        var communes = string.Concat(empty.Concat(figures.Communes.Except(empty)).Select(c =>
            CommuneSection(http, c, byCommune[c.Code].ToList(), codes.HasCode(c.Code), lastReports)));
        return Page(http, "Cán bộ", $"""
            {message}{problem}
            <section class="card">
            <p>Người đăng ký với Zalo OA bằng mã mời của xã (tổ công tác) hoặc của huyện. Tài khoản bị tạm ngừng vẫn còn trong danh sách nhưng không gửi báo cáo được; người bị xóa muốn làm lại phải đăng ký bằng mã mời.</p>
            <p><a class="button" href="/dashboard/roster">Tải lên lịch phân công (CSV)</a></p>
            {(empty.Count > 0
                ? $"""<p class="error">Chưa có ai đăng ký ở {E(empty.Count)} xã, thị trấn: {E(string.Join(", ", empty.Select(c => c.Name)))}.</p>"""
                : """<p class="note">Xã, thị trấn nào cũng đã có người đăng ký.</p>""")}
            </section>
            {OfficialsSection(http, members.Where(m => m.Role == StaffRole.District).ToList(), codes.HasCode(InviteCodes.District), lastReports)}
            {communes}
            """);
    }

    private static string CommuneSection(HttpContext http, Commune commune, IReadOnlyList<StaffMember> people, bool hasCode, IReadOnlyDictionary<string, DateTime> lastReports) => $"""
        <section class="card" id="{E(commune.Code)}">
        <h2>{E(commune.Name)} ({E(commune.Code)})</h2>
        {(people.Count == 0 ? """<p class="error">Chưa có ai đăng ký.</p>""" : People(http, people, lastReports))}
        {CodeForms(http, commune.Code, hasCode)}
        </section>
        """;

    private static string OfficialsSection(HttpContext http, IReadOnlyList<StaffMember> people, bool hasCode, IReadOnlyDictionary<string, DateTime> lastReports) => $"""
        <section class="card" id="{InviteCodes.District}">
        <h2>Cán bộ cấp huyện</h2>
        {(people.Count == 0 ? """<p class="note">Chưa có cán bộ cấp huyện nào đăng ký.</p>""" : People(http, people, lastReports))}
        {CodeForms(http, InviteCodes.District, hasCode)}
        </section>
        """;

    /// <summary>
    /// The login name is shown for officials only: it is what they type to sign in here, and volunteers
    /// have no use for it (nor should the board hand it around).
    /// </summary>
    private static string People(HttpContext http, IReadOnlyList<StaffMember> people, IReadOnlyDictionary<string, DateTime> lastReports) => Table(
        ["Người đăng ký", "Tên đăng nhập", "Đăng ký lúc", "Báo cáo gần nhất", "Trạng thái", ""],
        people.OrderBy(m => m.RegisteredAt).Select(m => new[]
        {
            E((m.Signature() is { } name ? name + " — " : "") + (m.Role == StaffRole.District ? "Cán bộ cấp huyện" : "Tổ công tác xã")),
            m.Role == StaffRole.District ? $"<code>{E(m.LoginName)}</code>" : "–",
            E(Time(m.RegisteredAt)),
            lastReports.TryGetValue(m.Key, out var last) ? E(Time(last)) : "Chưa báo cáo",
            m.Disabled ? """<span class="badge off">Tạm ngừng</span>""" : """<span class="badge on">Đang hoạt động</span>""",
            $"""<div class="buttons">{Form(http, $"{Path}/members/{m.Key}/disabled", $"""<input type="hidden" name="disabled" value="{(m.Disabled ? "false" : "true")}" /><button type="submit">{(m.Disabled ? "Cho hoạt động lại" : "Tạm ngừng")}</button>""")}<a class="button secondary" href="{Path}/members/{E(m.Key)}/remove">Xóa</a></div>""",
        }));

    private static string CodeForms(HttpContext http, string scope, bool hasCode) => $"""
        <p>Mã mời: {(hasCode ? "<strong>đang dùng được</strong>" : "<strong>chưa có hoặc đã thu hồi</strong> (không ai đăng ký thêm được)")}</p>
        <div class="buttons">
        {Form(http, $"{Path}/codes/{scope}", $"""<label for="code-{E(scope)}">Mã mời mới</label><input id="code-{E(scope)}" name="code" type="text" autocomplete="off" minlength="6" required /><button type="submit">Đặt mã mới</button>""", "inline")}
        {(hasCode ? $"""<a class="button secondary" href="{Path}/codes/{E(scope)}/revoke">Thu hồi mã…</a>""" : "")}
        </div>
        """;

    private static IResult SetDisabled(string key, HttpContext http, IStaffStore staff, ILoggerFactory logs)
    {
        if (Member(staff, key) is not { } member)
            return Results.NotFound();
        member.Disabled = http.Request.Form["disabled"] == "true";
        staff.Update(member);
        logs.CreateLogger("ZaloBot.Dashboard").LogInformation("Staff {Key} {Change} by {User}", key[..8], member.Disabled ? "disabled" : "enabled", http.User.Identity?.Name);
        return Back(member.Disabled ? "disabled" : "enabled", Anchor(member));
    }

    private static IResult ConfirmRemove(string key, HttpContext http, IStaffStore staff, DailyFigures figures)
    {
        if (Member(staff, key) is not { } member)
            return Results.NotFound();
        return Page(http, "Xóa khỏi danh sách cán bộ", $"""
            <section class="card">
            <p>Xóa {E(Describe(member, figures))}, đăng ký lúc {E(Time(member.RegisteredAt))}, khỏi danh sách cán bộ?</p>
            <p>Người này sẽ không gửi báo cáo được nữa. Số liệu và ảnh đã gửi vẫn được giữ. Muốn làm lại, họ phải đăng ký bằng mã mời đang dùng.</p>
            <div class="buttons">{Form(http, $"{Path}/members/{member.Key}/remove", """<button type="submit" class="danger">Xóa</button>""")}<a class="button secondary" href="{Path}#{E(Anchor(member))}">Không xóa</a></div>
            </section>
            """);
    }

    private static IResult Remove(string key, HttpContext http, IStaffStore staff, ILoggerFactory logs)
    {
        if (Member(staff, key) is not { } member)
            return Results.NotFound();
        staff.Remove(member.Key);
        logs.CreateLogger("ZaloBot.Dashboard").LogInformation("Staff {Key} removed by {User}", key[..8], http.User.Identity?.Name);
        return Back("removed", Anchor(member));
    }

    /// <summary>The same rule as "MAMOI X07 …" in chat: six or more letters and digits; case and diacritics do not matter.</summary>
    private static IResult SetCode(string scope, HttpContext http, InviteCodes codes)
    {
        if (codes.ScopeOf(scope) is not { } known)
            return Results.NotFound();
        var code = VietnameseText.Fold(http.Request.Form["code"].ToString().Trim());
        if (!InviteCommands.IsStrongEnough(code))
            return Results.Redirect($"{Path}?error={Uri.EscapeDataString("Mã mời cần ít nhất 6 chữ cái hoặc chữ số, không dấu cách, ví dụ TL2024AB.")}#{known}");
        codes.Set(known, code, Changer(http));
        return Back("code-set", known);
    }

    /// <summary>Revoking offers to remove the people who registered with the code, all ticked: usually the reason to revoke it.</summary>
    private static IResult ConfirmRevoke(string scope, HttpContext http, InviteCodes codes, IStaffStore staff, DailyFigures figures)
    {
        if (codes.ScopeOf(scope) is not { } known)
            return Results.NotFound();
        var people = PeopleOf(staff, known);
        var place = known == InviteCodes.District ? "cấp huyện" : figures.Communes.First(c => c.Code == known).Name;
        var choices = people.Count == 0
            ? """<p class="note">Chưa có ai đăng ký bằng mã này.</p>"""
            : $"""
              <fieldset><legend>Xóa luôn những người đã đăng ký bằng mã này (bỏ chọn người muốn giữ):</legend>
              {string.Concat(people.Select(m => $"""<label class="choice"><input type="checkbox" name="remove" value="{E(m.Key)}" checked /> {E(Describe(m, figures))}, đăng ký lúc {E(Time(m.RegisteredAt))}</label>"""))}
              </fieldset>
              """;
        return Page(http, $"Thu hồi mã mời {place}", $"""
            <section class="card">
            <p>Sau khi thu hồi, không ai đăng ký thêm được bằng mã mời {E(place)} cho đến khi đặt mã mới.</p>
            {Form(http, $"{Path}/codes/{known}/revoke", $"""{choices}<div class="buttons"><button type="submit" class="danger">Thu hồi mã</button><a class="button secondary" href="{Path}#{E(known)}">Không thu hồi</a></div>""", "stack")}
            </section>
            """);
    }

    private static IResult Revoke(string scope, HttpContext http, InviteCodes codes, IStaffStore staff, IUnitOfWork unit)
    {
        if (codes.ScopeOf(scope) is not { } known)
            return Results.NotFound();
        var chosen = http.Request.Form["remove"].OfType<string>().ToHashSet();
        var removed = PeopleOf(staff, known).Where(m => chosen.Contains(m.Key)).ToList();
        unit.Run(() =>
        {
            codes.Revoke(known, Changer(http));
            foreach (var member in removed)
                staff.Remove(member.Key);
        });
        return Back("code-revoked", known);
    }

    private static List<StaffMember> PeopleOf(IStaffStore staff, string scope) =>
        (scope == InviteCodes.District ? staff.Officials() : staff.OfCommune(scope)).OrderBy(m => m.RegisteredAt).ToList();

    private static StaffMember? Member(IStaffStore staff, string key) => staff.All().FirstOrDefault(m => m.Key == key);

    private static string Anchor(StaffMember member) => member.CommuneCode ?? InviteCodes.District;

    private static string Describe(StaffMember member, DailyFigures figures) => member.Role == StaffRole.District
        ? $"cán bộ cấp huyện {member.LoginName}"
        : $"người của tổ công tác {figures.Communes.FirstOrDefault(c => c.Code == member.CommuneCode)?.Name ?? member.CommuneCode}";

    /// <summary>Who changed a code from the dashboard, as the store records it beside changes made in chat.</summary>
    private static string Changer(HttpContext http) => "dashboard:" + (http.User.Identity?.Name ?? "");

    private static IResult Back(string done, string anchor) => Results.Redirect($"{Path}?done={done}#{anchor}");

    /// <summary>
    /// When each person last reported visitors or sent a photo, over the survey days so far: a count's
    /// history and the photos name who sent them.
    /// </summary>
    private static Dictionary<string, DateTime> LastReports(DailyFigures figures, VisitorCounts visitors, PhotoReports photos, TimeProvider clock)
    {
        var last = new Dictionary<string, DateTime>();
        void Seen(string? key, DateTime at)
        {
            if (key is null)
                return;
            if (!last.TryGetValue(key, out var before) || at > before)
                last[key] = at;
        }

        var (opens, closes) = figures.Window;
        var today = clock.Today();
        for (var day = opens; day <= closes && day <= today; day = day.AddDays(1))
            foreach (var commune in figures.Communes)
                foreach (var change in visitors.Find(commune.Code, day)?.History ?? [])
                    Seen(change.StaffKey, change.At);
        foreach (var photo in photos.All())
            Seen(photo.StaffKey, photo.ReceivedAt);
        return last;
    }

    private static string Time(DateTime utc) =>
        VietnamTime.ToLocal(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc))).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
}
