using Reporting.Posters;

namespace ZaloBot.Posters;

/// <summary>How the QR codes are made; bound from the configuration section <see cref="SectionName"/>.</summary>
public sealed class PosterOptions
{
    public const string SectionName = "Posters";

    /// <summary>What each commune's QR holds; <c>{OaId}</c> and <c>{CommuneCode}</c> are filled in.</summary>
    public string QrTemplate { get; set; } = QrContent.DefaultTemplate;

    /// <summary>The OA's name as Zalo shows it on the page a scan opens, printed on the posters so citizens know they are in the right place.</summary>
    public string? OaName { get; set; }

    /// <summary>Who runs the survey and issues its papers: printed on the posters and heading the final report.</summary>
    public string IssuedBy { get; set; } = "Ban Chỉ đạo Quy chế dân chủ huyện";

    /// <summary>Size of the PNG download: 20 pixels a module prints sharp at the size of a poster.</summary>
    public int PngPixelsPerModule { get; set; } = 20;

    /// <summary>A mistyped placeholder stops the start rather than printing a dead link on 25 posters.</summary>
    internal bool HasValidTemplate()
    {
        try
        {
            QrContent.Render(QrTemplate, "0", "X01");
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
