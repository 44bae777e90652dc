using Reporting.Posters;

namespace ZaloBot.Posters;

/// <summary>How the QR codes are made; bound from the configuration section <see cref="SectionName"/>.</summary>
public sealed class PosterOptions
{
    public const string SectionName = "Posters";

    /// <summary>What each commune's QR holds; <c>{OaId}</c> and <c>{CommuneCode}</c> are filled in.</summary>
    public string QrTemplate { get; set; } = QrContent.DefaultTemplate;

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
