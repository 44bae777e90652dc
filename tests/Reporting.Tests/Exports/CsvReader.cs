using System.Text;

namespace Reporting.Tests.Exports;

/// <summary>A strict RFC 4180 reader, so the tests read the CSV back the way Excel does.</summary>
internal static class CsvReader
{
    public static List<string[]> Records(byte[] csv)
    {
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(csv, 3, csv.Length - 3);
        Assert.EndsWith("\r\n", text);

        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var position = 0;
        while (position < text.Length)
        {
            if (text[position] == '"')
            {
                position++;
                while (!(text[position] == '"' && (position + 1 == text.Length || text[position + 1] != '"')))
                {
                    field.Append(text[position]);
                    position += text[position] == '"' ? 2 : 1;
                }

                position++;
            }
            else
            {
                while (position < text.Length && text[position] is not (',' or '\r' or '"'))
                {
                    Assert.NotEqual('\n', text[position]);
                    field.Append(text[position++]);
                }
            }

            fields.Add(field.ToString());
            field.Clear();
            if (text[position] == ',')
            {
                position++;
                continue;
            }

            Assert.Equal("\r\n", text.Substring(position, 2));
            position += 2;
            records.Add([.. fields]);
            fields.Clear();
        }

        return records;
    }
}
