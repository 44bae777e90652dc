using System.Xml.Linq;

namespace Reporting.Tests.Posters;

/// <summary>Reads a printable page as XML: it fails on any tag left open or text left unencoded.</summary>
internal static class PageReading
{
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static XDocument Parse(string html)
    {
        Assert.StartsWith("<!DOCTYPE html>", html);
        return XDocument.Parse(html);
    }

    public static IEnumerable<XElement> WithClass(this XContainer page, string name) =>
        page.Descendants().Where(e => ((string?)e.Attribute("class") ?? "").Split(' ').Contains(name));

    public static string Style(XDocument page) => page.Descendants("style").Single().Value;
}
