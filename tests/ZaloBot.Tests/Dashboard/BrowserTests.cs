using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Reporting;
using ZaloBot.Sandbox;
using ZaloBot.Tests.Support;

namespace ZaloBot.Tests.Dashboard;

/// <summary>
/// One headless Chromium (Debian's, not a downloaded one) and one service in sandbox mode for the
/// browser tests: a survey window around today, two officials, and figures at Xã Tân Lập (X07).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public static readonly DateOnly Today = VietnamTime.DateOf(DateTimeOffset.UtcNow);

    public WebApplicationHandle Host { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    private IPlaywright playwright = null!;

    public string BaseUrl => Host.App.Urls.First();

    public async Task InitializeAsync()
    {
        if (!ChromiumFactAttribute.Available)
            return;
        Host = await WebApplicationHandle.StartSandboxAsync("--Survey:DefinitionPath=" + DashboardSeed.SurveyFile(Today.AddDays(-2), Today.AddDays(1)));
        var services = Host.App.Services;
        DashboardSeed.Visitors(services, "X07", Today.AddDays(-1), 20);
        DashboardSeed.Responses(services, "X07", Today.AddDays(-1), 8);
        DashboardSeed.Visitors(services, "X07", Today, 30);
        DashboardSeed.Responses(services, "X07", Today, 16);

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumFactAttribute.Executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is null)
            return;
        await Browser.DisposeAsync();
        playwright.Dispose();
        await Host.DisposeAsync();
    }
}

public sealed partial class BrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly string TodayText = BrowserFixture.Today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>Signs in on the page as a new official, reading the code from the bot's message in the sandbox chat.</summary>
    private async Task SignInAsync(IPage page, string officialId)
    {
        var login = DashboardSeed.Official(fixture.Host.App.Services, officialId);
        await page.GetByLabel("Tên đăng nhập").FillAsync(login);
        await page.GetByRole(AriaRole.Button, new() { Name = "Nhận mã qua Zalo" }).ClickAsync();
        await page.GetByLabel("Mã đăng nhập").FillAsync(await CodeInSandboxChatAsync(officialId));
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
    }

    private async Task<string> CodeInSandboxChatAsync(string userId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            var sent = fixture.Host.Get<SandboxState>().After(0)
                .FirstOrDefault(m => m.Conversation == SandboxState.UserChat(userId) && m.From == "oa");
            if (sent?.Text is { } text)
                return SixDigits().Match(text).Value;
            await Task.Delay(50);
        }
        throw new TimeoutException("No sign-in code reached the sandbox chat.");
    }

    [ChromiumFact]
    public async Task An_official_signs_in_with_a_code_from_the_sandbox_chat_sees_the_commune_and_downloads_an_export()
    {
        await using var context = await fixture.Browser.NewContextAsync(new() { AcceptDownloads = true });
        var page = await context.NewPageAsync();

        await page.GotoAsync(fixture.BaseUrl + "/dashboard/communes/X07");
        Assert.Contains("/dashboard/signin", page.Url);
        await SignInAsync(page, "9100000000000000001");

        await page.WaitForURLAsync("**/dashboard/communes/X07");
        var today = await page.Locator("tr", new() { HasText = TodayText }).First.Locator("td").AllInnerTextsAsync();
        Assert.Equal([TodayText, "30", "16", "Đạt", "0", ""], today);

        await page.GotoAsync(fixture.BaseUrl + "/dashboard/exports");
        await page.GetByLabel("Xã Tân Lập").CheckAsync();
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.Locator("button[formaction='/dashboard/exports/qcdc.xlsx']").ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), "zalobot-tests", Guid.NewGuid().ToString("N") + ".xlsx");
        await download.SaveAsAsync(file);

        Assert.StartsWith("pks02-qcdc-", download.SuggestedFilename);
        var rows = Xlsx.Rows(await File.ReadAllBytesAsync(file));
        File.Delete(file);
        Assert.Contains(["Xã Tân Lập", null, BrowserFixture.Today.ToDateTime(TimeOnly.MinValue), 30d, 16d], rows);
        Assert.Contains(["Xã Tân Lập", null, "Lũy kế", 50d, 24d], rows);
    }

    [ChromiumFact]
    public async Task The_final_report_downloads_from_the_exports_page_as_a_word_document()
    {
        await using var context = await fixture.Browser.NewContextAsync(new() { AcceptDownloads = true, ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/dashboard/exports");
        await SignInAsync(page, "9100000000000000003");
        await page.WaitForURLAsync("**/dashboard/exports");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Tải báo cáo cuối (.docx)" }).ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), "zalobot-tests", Guid.NewGuid().ToString("N") + ".docx");
        await download.SaveAsAsync(file);
        var text = Docx.Paragraphs(await File.ReadAllBytesAsync(file));
        File.Delete(file);

        Assert.StartsWith("pks02-bao-cao-cuoi-", download.SuggestedFilename);
        Assert.Contains("BAN CHỈ ĐẠO QUY CHẾ DÂN CHỦ HUYỆN", text);
        Assert.Contains("II. KẾT QUẢ THỰC HIỆN CHỈ TIÊU", text);
    }

    [ChromiumFact]
    public async Task A_roster_upload_is_previewed_with_its_errors_and_imported_once_confirmed()
    {
        await using var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/dashboard/roster");
        await SignInAsync(page, "9100000000000000004");
        await page.WaitForURLAsync("**/dashboard/roster");
        var day = BrowserFixture.Today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var header = "ma_xa,ho_ten,chuc_vu,so_dien_thoai,ngay_truc\n";

        await page.GetByLabel("Tệp CSV lịch phân công").SetInputFilesAsync(new FilePayload
        {
            Name = "lich.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(header + $"X99,Ai Đó,,,{day}\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem trước" }).ClickAsync();
        var error = await page.Locator("tr", new() { HasText = "X99" }).Locator("td").AllInnerTextsAsync();
        Assert.Equal(["2", "không có xã, thị trấn mã \"X99\""], error);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth"), "the preview is wider than the screen");

        await page.GetByLabel("Tệp CSV lịch phân công").SetInputFilesAsync(new FilePayload
        {
            Name = "lich.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(header + $"X08,Trần Thị Hoa,Hội viên,0912345678,{day}\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem trước" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Nhập lịch này (thay lịch cũ)" }).ClickAsync();

        await page.GetByText("Đã nhập 1 người vào lịch phân công.").WaitForAsync();
        Assert.Equal(["Trần Thị Hoa, Hội viên"], fixture.Host.Get<ZaloBot.Volunteers.Roster>().OnDuty("X08", BrowserFixture.Today));
    }

    [ChromiumFact]
    public async Task On_a_phone_the_overview_shows_each_verdict_beside_the_commune_and_on_a_desktop_in_its_column()
    {
        await using var phone = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true });
        var page = await phone.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/dashboard");
        await SignInAsync(page, "9100000000000000005");
        await page.WaitForURLAsync("**/dashboard");
        var name = page.Locator("td", new() { HasText = "Xã Tân Lập" }).First;

        Assert.True(await name.Locator(".status").IsVisibleAsync());
        var box = (await name.BoundingBoxAsync())!;
        Assert.True(box.X + box.Width <= 390, "the commune and its verdict are off screen");

        await page.SetViewportSizeAsync(1280, 800);
        Assert.False(await name.Locator(".status").IsVisibleAsync());
    }

    [ChromiumFact]
    public async Task A_communes_chart_comes_with_phone_sized_type_on_a_phone()
    {
        await using var phone = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true });
        var page = await phone.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/dashboard/communes/X07");
        await SignInAsync(page, "9100000000000000006");
        await page.WaitForURLAsync("**/dashboard/communes/X07");
        const string Chart = "(() => { const i = document.querySelector('img.chart'); return i.complete && i.naturalWidth > 0 ? i.currentSrc : ''; })()";

        await page.WaitForFunctionAsync(Chart);
        Assert.EndsWith("/dashboard/charts/communes/X07.png?phone=true", await page.EvaluateAsync<string>(Chart));

        await page.SetViewportSizeAsync(1280, 800);
        await page.ReloadAsync(new() { WaitUntil = WaitUntilState.Load });
        Assert.EndsWith("/dashboard/charts/communes/X07.png", await page.EvaluateAsync<string>(Chart));
    }

    [ChromiumFact]
    public async Task Every_page_fits_a_phone_and_a_desktop_screen_and_its_images_load()
    {
        await using var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/dashboard");
        await SignInAsync(page, "9100000000000000002");
        await page.WaitForURLAsync("**/dashboard");
        string[] paths =
        [
            "/dashboard", "/dashboard/communes/X07", "/dashboard/quality", "/dashboard/staff", "/dashboard/roster",
            "/dashboard/exports", "/dashboard/qr", "/dashboard/survey",
        ];

        foreach (var width in new[] { 390, 1280 })
        {
            await page.SetViewportSizeAsync(width, 844);
            foreach (var path in paths)
            {
                await page.GotoAsync(fixture.BaseUrl + path, new() { WaitUntil = WaitUntilState.Load });
                Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth"), $"{path} is wider than a {width} px screen");
                Assert.True(await page.EvaluateAsync<bool>("[...document.images].every(i => i.complete && i.naturalWidth > 0)"), $"{path} has an image that did not load");
            }
        }
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
