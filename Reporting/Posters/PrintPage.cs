using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Reporting.Posters;

/// <summary>
/// The printable pages' common frame. Pages are kept well-formed XML as well as HTML, so that the
/// inline SVG and every tag can be checked by a parser.
/// </summary>
internal static class PrintPage
{
    // All Unicode ranges pass through unescaped, so Vietnamese stays readable in the source;
    // the characters that matter to HTML (< > & " ' and the like) are still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private const string SharedCss = """
        @page { size: A4; margin: 12mm; }
        * { box-sizing: border-box; }
        html, body { margin: 0; padding: 0; }
        body { font-family: "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; color: #000; background: #fff; }
        .sheet { width: 186mm; height: 273mm; overflow: hidden; break-after: page; }
        .sheet:last-child { break-after: auto; }
        .qr svg { display: block; }
        @media screen {
          body { background: #e5e5e5; }
          .sheet { margin: 8mm auto; padding: 0; background: #fff; box-shadow: 0 0 3mm rgba(0, 0, 0, 0.3); }
        }

        """;

    public static string Encode(string text) => Encoder.Encode(text);

    /// <summary>A complete page; <paramref name="body"/> is markup the caller has already encoded.</summary>
    public static string Build(string title, string css, string body) => $$"""
        <!DOCTYPE html>
        <html lang="vi">
        <head>
        <meta charset="utf-8" />
        <title>{{Encode(title)}}</title>
        <style>
        {{SharedCss}}{{css}}
        </style>
        </head>
        <body>
        {{body}}
        </body>
        </html>

        """;
}
